import Testing
@testable import BylineEngine

/// The tokens of `text` as strings, with kinds when asked.
func tokens(_ text: String) -> [String] {
    let indexed = IndexedText(text)
    return Tokenizer().tokenize(indexed).map { indexed.substring($0.range) }
}

func tokenKinds(_ text: String) -> [(String, TokenKind)] {
    let indexed = IndexedText(text)
    return Tokenizer().tokenize(indexed).map { (indexed.substring($0.range), $0.kind) }
}

@Suite struct TokenizerTests {
    @Test func keepsAbbreviationsAndInitialsWithTheirPeriods() {
        #expect(tokens("Mr. Putin met Dr. J. Smith of Acme Inc. in the U.S. on Jan. 5.")
            == ["Mr.", "Putin", "met", "Dr.", "J.", "Smith", "of", "Acme", "Inc.", "in", "the", "U.S.", "on", "Jan.", "5", "."])
        #expect(tokens("The U.K. and e.g. St. Louis") == ["The", "U.K.", "and", "e.g.", "St.", "Louis"])
    }

    @Test func keepsNumbersWholeAndSplitsCurrencyAndPercent() {
        #expect(tokens("It cost $3.5 billion, or €20 each, up 1,000.5 and 20%.")
            == ["It", "cost", "$", "3.5", "billion", ",", "or", "€", "20", "each", ",", "up", "1,000.5", "and", "20", "%", "."])
        #expect(tokens("a 10-month war on 1996-08-30 at 10:30") == ["a", "10-month", "war", "on", "1996-08-30", "at", "10:30"])
    }

    @Test func keepsHyphenatedCompoundsAndApostrophesInsideNames() {
        #expect(tokens("Russian-Chinese ties and O'Brien’s view of al-Assad") == ["Russian-Chinese", "ties", "and", "O'Brien", "’s", "view", "of", "al-Assad"])
    }

    @Test func splitsPossessivesOffBothApostrophes() {
        #expect(tokens("China’s leader and Russia's army and the Smiths’ house")
            == ["China", "’s", "leader", "and", "Russia", "'s", "army", "and", "the", "Smiths", "’", "house"])
    }

    @Test func keepsDashesAndEllipsesApart() {
        #expect(tokenKinds("Talks — and more... then – silence…").map(\.1)
            == [.word, .dash, .word, .word, .ellipsis, .word, .dash, .word, .ellipsis])
    }

    @Test func keepsURLsEmailsHandlesAndHashtagsWhole() {
        let result = tokenKinds("See https://example.com/a?b=1, write to press@example.org, follow @byline_news #Election2024.")
        #expect(result.map(\.0) == ["See", "https://example.com/a?b=1", ",", "write", "to", "press@example.org", ",", "follow", "@byline_news", "#Election2024", "."])
        #expect(result.map(\.1) == [.word, .url, .punctuation, .word, .word, .email, .punctuation, .word, .handle, .hashtag, .punctuation])
    }

    @Test func marksOpeningAndClosingQuotes() {
        let indexed = IndexedText("He said, \"Yes,\" and “no” and ‘maybe’.")
        let quotes = Tokenizer().tokenize(indexed).filter { $0.kind == .quote }
        #expect(quotes.map { $0.flags.contains(.opening) } == [true, false, true, false, true, false])
    }

    @Test func flagsCapitalsAndAllCaps() {
        let indexed = IndexedText("NATO and Moscow and iPhone")
        let flags = Tokenizer().tokenize(indexed).map(\.flags)
        #expect(flags[0].contains(.allCaps) && flags[0].contains(.capitalized))
        #expect(flags[2].contains(.capitalized) && !flags[2].contains(.allCaps))
        #expect(!flags[4].contains(.capitalized))
    }

    @Test func flagsLineAndParagraphStarts() {
        let indexed = IndexedText("One\nTwo\n\nThree")
        let flags = Tokenizer().tokenize(indexed).map(\.flags)
        #expect(flags[1].contains(.startsLine) && !flags[1].contains(.startsParagraph))
        #expect(flags[2].contains(.startsParagraph))
    }

    @Test func aLineBreakNextToALongLineStartsAParagraphInPlainTextOnly() {
        // A paragraph on one line (pasted from the web) ends at a single line break; lines
        // of a hard wrap are all short, and Markdown needs a blank line.
        let long = "Many " + String(repeating: "word ", count: 21) + "end."
        let indexed = IndexedText("Short line.\nNext line.\n\(long)\nAfter")
        let tokens = Tokenizer().tokenize(indexed)
        let starts = tokens.filter { $0.flags.contains(.startsParagraph) }.map { indexed.substring($0.range) }
        #expect(starts == ["Short", "Many", "After"])
        let markdown = Tokenizer(longLinesEndParagraphs: false).tokenize(indexed)
        #expect(markdown.filter { $0.flags.contains(.startsParagraph) }.map { indexed.substring($0.range) } == ["Short"])
        // Lines are measured in scalars, not bytes: 60 curly quotes are 180 bytes, one short line.
        let curly = IndexedText(String(repeating: "“", count: 60) + ".\nNext")
        #expect(!Tokenizer().tokenize(curly).last!.flags.contains(.startsParagraph))
        // A long line broken mid-sentence, and a signature closing a quote, go on.
        let wrapped = IndexedText("\(long) and then\ncontinued here.")
        #expect(!Tokenizer().tokenize(wrapped).last!.flags.contains(.startsParagraph))
        let signed = IndexedText("“\(long)\nDean Baker, economist.”")
        #expect(Tokenizer().tokenize(signed).filter { $0.flags.contains(.startsParagraph) }.count == 1)
    }

    @Test func treatsNonBreakingAndUnicodeSpacesAsSpace() {
        #expect(tokens("Vladimir\u{00A0}Putin\u{2009}said") == ["Vladimir", "Putin", "said"])
    }
}

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let indexed = IndexedText(text)
        var tokens = Tokenizer().tokenize(indexed)
        indexed.bytes.withUnsafeBufferPointer { SentenceSplitter().split(&tokens, bytes: $0) }
        var result: [String] = []
        var current: [String] = []
        for token in tokens {
            if token.flags.contains(.startsSentence), !current.isEmpty {
                result.append(current.joined(separator: " "))
                current = []
            }
            current.append(indexed.substring(token.range))
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    @Test func doesNotEndAtTitleAbbreviationsOrInitials() {
        #expect(sentences("Mr. Putin met Gen. J. Smith. They talked.") == ["Mr. Putin met Gen. J. Smith .", "They talked ."])
    }

    @Test func endsAtAnAbbreviationBeforeACommonWord() {
        #expect(sentences("He flew to the U.S. The talks began. Ask the U.S. Senate.")
            == ["He flew to the U.S.", "The talks began .", "Ask the U.S. Senate ."])
    }

    @Test func keepsClosingQuotesWithTheirSentence() {
        #expect(sentences("“We will win.” He left! Did she? Yes…") == ["“ We will win . ”", "He left !", "Did she ?", "Yes …"])
    }

    @Test func endsAtParagraphsAndHeadlines() {
        #expect(sentences("PORTS AGREE ON DATA\nRotterdam and Antwerp agreed.\n\nthe end") == ["PORTS AGREE ON DATA", "Rotterdam and Antwerp agreed .", "the end"])
    }
}
