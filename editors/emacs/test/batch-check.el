;;; batch-check.el --- check byline.el with eglot in a real Emacs  -*- lexical-binding: t; -*-
;;
;;   BYLINE=/path/to/byline ARTICLE=/path/to/article.txt OUT=/tmp/result.el \
;;     HOVER_LINE=2 HOVER_CHARACTER=2 \
;;     emacs --batch -l editors/emacs/byline.el -l editors/emacs/test/batch-check.el
;;
;; Opens ARTICLE with eglot, waits for Byline's diagnostics (through Flymake), asks for
;; hover at HOVER_LINE / HOVER_CHARACTER (0-based), and writes what it saw to OUT.
(require 'eglot)
(require 'flymake)

(setq byline-command (list (getenv "BYLINE") "lsp"))
(let ((result (list :diagnostics nil :hover nil :error nil)))
  (condition-case failure
      (progn
        (find-file (getenv "ARTICLE"))
        (text-mode)
        (eglot-ensure)
        ;; eglot-ensure connects from post-command-hook; in batch mode, connect now.
        (unless (eglot-current-server)
          (let ((eglot-server-programs (list (cons byline-modes (byline--eglot-contact)))))
            (call-interactively #'eglot)))
        (flymake-mode 1)
        (let ((deadline (+ (float-time) 15)))
          (while (and (< (float-time) deadline)
                      (null (flymake-diagnostics)))
            (accept-process-output nil 0.05)
            (flymake-start)))
        (dolist (diagnostic (flymake-diagnostics))
          (push (list :message (flymake-diagnostic-text diagnostic)
                      :type (format "%s" (flymake-diagnostic-type diagnostic)))
                (plist-get result :diagnostics)))
        (let* ((server (eglot-current-server))
               (hover (jsonrpc-request
                       server :textDocument/hover
                       (list :textDocument (list :uri (eglot--path-to-uri (buffer-file-name)))
                             :position (list :line (string-to-number (getenv "HOVER_LINE"))
                                             :character (string-to-number (getenv "HOVER_CHARACTER")))))))
          (setq result (plist-put result :hover (plist-get (plist-get hover :contents) :value)))))
    (error (setq result (plist-put result :error (format "%S" failure)))))
  (with-temp-file (getenv "OUT")
    (prin1 result (current-buffer))))
(kill-emacs 0)
