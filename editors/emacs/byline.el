;;; byline.el --- Byline, a language server for news articles  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, tools, news
;; URL: https://github.com/byline/byline

;;; Commentary:

;; Registers `byline lsp' with eglot and with lsp-mode for plain-text and Markdown
;; articles.  With eglot you get diagnostics (unattributed quotations, misspelt names)
;; through Flymake, hover through ElDoc, and navigation through xref.  lsp-mode also draws
;; Byline's semantic tokens with the faces below.
;;
;;   (add-to-list 'load-path "/path/to/byline/editors/emacs")
;;   (require 'byline)
;;   (add-hook 'text-mode-hook #'eglot-ensure)      ; or #'lsp with lsp-mode

;;; Code:

(defgroup byline nil
  "Byline, a language server for news articles."
  :group 'tools
  :prefix "byline-")

(defcustom byline-command '("byline" "lsp")
  "The command that starts the Byline language server."
  :type '(repeat string))

(defcustom byline-modes '(text-mode markdown-mode gfm-mode)
  "Major modes whose buffers are articles for Byline."
  :type '(repeat symbol))

(defcustom byline-settings nil
  "The `byline' settings section, as a plist, e.g.
\\='(:diagnostics (:ambiguous-speaker :json-false) :speechVerbs [\"mused\"])."
  :type 'plist)

(defface byline-person-face '((t :inherit font-lock-variable-name-face)) "People.")
(defface byline-organization-face '((t :inherit font-lock-type-face)) "Organisations.")
(defface byline-place-face '((t :inherit font-lock-constant-face)) "Places.")
(defface byline-nationality-face '((t :inherit font-lock-builtin-face)) "Nationalities and groups.")
(defface byline-date-face '((t :inherit font-lock-preprocessor-face)) "Dates.")
(defface byline-time-face '((t :inherit font-lock-preprocessor-face)) "Times.")
(defface byline-number-face '((t :inherit font-lock-constant-face)) "Numbers, money and percentages.")
(defface byline-quote-face '((t :inherit font-lock-string-face)) "Quotations.")
(defface byline-speaker-face '((t :inherit font-lock-function-name-face :weight bold)) "Speakers.")
(defface byline-cue-face '((t :inherit font-lock-keyword-face)) "Cues such as \"said\".")
(defface byline-event-face '((t :inherit font-lock-warning-face)) "Events.")
(defface byline-work-face '((t :inherit font-lock-doc-face)) "Titles of works, products and laws.")

(defconst byline-token-faces
  '(("person" . byline-person-face)
    ("organization" . byline-organization-face)
    ("place" . byline-place-face)
    ("nationality" . byline-nationality-face)
    ("date" . byline-date-face)
    ("time" . byline-time-face)
    ("number" . byline-number-face)
    ("quote" . byline-quote-face)
    ("speaker" . byline-speaker-face)
    ("cue" . byline-cue-face)
    ("event" . byline-event-face)
    ("work" . byline-work-face))
  "Byline's semantic token types and the faces that draw them.")

;;;; eglot

(defun byline--eglot-contact (&optional _interactive)
  "The eglot contact: the command, with the settings as initialization options."
  (append byline-command (list :initializationOptions (or byline-settings '(:inlayHints t)))))

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs (cons byline-modes #'byline--eglot-contact))
  ;; Settings changed later reach the server through workspace/didChangeConfiguration.
  (unless (default-value 'eglot-workspace-configuration)
    (setq-default eglot-workspace-configuration
                  (lambda (&rest _) (list :byline (or byline-settings (make-hash-table)))))))

;;;; lsp-mode

(with-eval-after-load 'lsp-mode
  (dolist (mode byline-modes)
    (add-to-list 'lsp-language-id-configuration (cons mode (if (eq mode 'text-mode) "plaintext" "markdown"))))
  (when (boundp 'lsp-semantic-token-faces)
    (dolist (entry byline-token-faces)
      (add-to-list 'lsp-semantic-token-faces entry)))
  (when (fboundp 'lsp-register-client)
    (lsp-register-client
     (make-lsp-client
      :new-connection (lsp-stdio-connection (lambda () byline-command))
      :activation-fn (lambda (&rest _) (apply #'derived-mode-p byline-modes))
      :initialization-options (lambda () byline-settings)
      :server-id 'byline))))

(provide 'byline)
;;; byline.el ends here
