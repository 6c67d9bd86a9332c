import Testing
@testable import BylineEngine

/// Each quotation as "kind: content | speaker → entity (resolution)".
func quotations(_ text: String) -> [String] {
    let article = Article(text)
    let annotations = Analyzer().analyze(article)
    return annotations.quotes.map { quote in
        let speaker = quote.speaker.map { speaker -> String in
            let entity = speaker.entityIndex.map { annotations.entities[$0].name } ?? "nobody"
            return "\(article.text.substring(speaker.span.range)) → \(entity) (\(speaker.resolution.rawValue))"
        } ?? "no speaker"
        return "\(quote.kind.rawValue): \(article.text.substring(quote.span.range)) | \(speaker)"
    }
}

/// The first quotation's speaker as "speaker → entity (resolution)", the part of
/// `quotations` after the bar.
func firstSpeaker(_ text: String) -> String? {
    quotations(text).first.flatMap { $0.components(separatedBy: " | ").last }
}

func diagnosticCodes(_ text: String) -> [String] {
    Analyzer().analyze(Article(text)).diagnostics.map(\.code)
}

@Suite struct DirectQuoteTests {
    @Test func findsEveryStyleOfMark() {
        #expect(quotations("“We will not back down,” Smith said.") == ["direct: “We will not back down,” | Smith → Smith (named)"])
        #expect(quotations("\"We will not back down,\" said Smith.") == ["direct: \"We will not back down,\" | Smith → Smith (named)"])
        #expect(quotations("«Nous ne reculerons pas», a déclaré Dupont. Dupont said so.").count <= 2)
        #expect(quotations("Kowalczyk said: „Wir werden nicht nachgeben und bleiben hier.“") == [
            "direct: „Wir werden nicht nachgeben und bleiben hier.“ | Kowalczyk → Kowalczyk (named)"
        ])
    }

    @Test func attributesACueBeforeTheQuote() {
        #expect(quotations("Mayor Anne Hidalgo told reporters: “The city is ready for the games.”")
            == ["direct: “The city is ready for the games.” | Anne Hidalgo → Anne Hidalgo (named)"])
        #expect(quotations("According to Hidalgo, “the city is ready for the games.”").first?.hasSuffix("Hidalgo → Hidalgo (named)") == true)
    }

    @Test func splitsATranscriptQuotedParagraphByParagraphIntoTurns() {
        let text = """
            Senator Ruth Okafor spoke to Tom Bell on Sunday. Partial transcript as follows:

            "BELL: Will you vote for the bill this week, Senator?

            "OKAFOR: I will not, and I have told my colleagues so.

            "(CROSSTALK)

            "OKAFOR: The bill spends far too much money on far too little.
            """
        #expect(quotations(text).suffix(3) == [
            "direct: Will you vote for the bill this week, Senator | BELL → Tom Bell (named)",
            "direct: I will not, and I have told my colleagues so | OKAFOR → Ruth Okafor (named)",
            "direct: The bill spends far too much money on far too little | OKAFOR → Ruth Okafor (named)",
        ])
    }

    @Test func takesASpeakerWithAPhraseSayingWhereItBelongs() {
        #expect(quotations("The spot ran on Monday.\n\n“Why did he never pay his taxes?” a narrator in the Okafor ad asks. It ends there.")
            == ["direct: “Why did he never pay his taxes?” | a narrator in the Okafor ad → nobody (unresolved)"])
    }

    @Test func creditsSpeakersIntroducedByAnOpeningVerbOrByPuttingIt() {
        let stated = quotations("Roger Stone spoke on the radio.\n\nStated Stone:\n\n“I think that the stakes are so high for everyone in this race.”")
        #expect(stated.last?.hasSuffix("| Stone → Roger Stone (named)") == true)
        #expect(quotations("It went on.\n\nAs Senator Ruth Okafor puts it: “We cannot wait any longer for this bill.”")
            == ["direct: “We cannot wait any longer for this bill.” | Ruth Okafor → Ruth Okafor (named)"])
        // A title's "of" does not end the search for the subject of "saying".
        #expect(firstSpeaker("Former Secretary of State Ruth Okafor urged women to vote, saying, “There is a special place for those who stay home.”")
            == "Ruth Okafor → Ruth Okafor (named)")
    }

    @Test func tellsTheSpeakerFromWhoIsAskedAndWhatIsAdded() {
        #expect(firstSpeaker("It ran on.\n\n“Should there be a database that tracks everyone?” a reporter can be heard asking Okafor after an event.")
            == "a reporter → nobody (unresolved)")
        #expect(firstSpeaker("It ran on.\n\n“There are invertebrates with more spine than this senator,” reads an editorial in The Des Moines Register.")
            == "an editorial → nobody (unresolved)")
        let added = quotations("Coal firms closed.\n\nIn a statement, Okafor said: “The company was highly successful,” adding that its value quadrupled in a decade.")
        #expect(added.allSatisfy { !$0.contains("| that ") })
    }

    @Test func creditsTheOneNamedAsSayingItRatherThanThePronounAfter() {
        #expect(firstSpeaker("It ran.\n\nSenator Ruth Okafor however said he would welcome the participation of China in a “principled security network” for Asia.")
            == "Ruth Okafor → Ruth Okafor (named)")
    }

    @Test func creditsWhoeverIssuedTheStatement() {
        #expect(firstSpeaker("It ran.\n\nSenator Ruth Okafor put out a statement saying the state “does not have the capacity to vet every refugee.”")
            == "Ruth Okafor → Ruth Okafor (named)")
        // The subject after an opening phrase with a comma of its own.
        #expect(firstSpeaker("It ran.\n\nFollowing a swiftly called, late-afternoon meeting, the Security Council issued a statement calling the test “a clear violation of five resolutions.”")
            == "Security Council → Security Council (named)")
    }

    @Test func creditsDescribedSpeakers() {
        #expect(firstSpeaker("It ran.\n\n“We are shocked, he was a friend to us,” one Amiens employee told French television.")
            == "one Amiens employee → nobody (unresolved)")
    }

    @Test func creditsAMixedQuoteToTheDescriptionThatOpensItsSentence() {
        #expect(quotations("It was tense.\n\nHer liberal friends have mocked the campaign, calling Okafor “an orange buffoon.”")
            == ["mixed: Okafor “an orange buffoon.” | Her liberal friends → nobody (unresolved)"])
    }

    @Test func keepsNestedQuotesInsideTheirSpeakersWords() {
        let found = quotations("“He told me ‘never again’ and left the room,” Ms. Okafor said.")
        #expect(found == ["direct: “He told me ‘never again’ and left the room,” | Okafor → Okafor (named)"])
    }

    @Test func readsDoubledApostrophesAsDoubleQuotationMarks() {
        #expect(quotations("''It has the virtue of being responsible,'' said Leonard Okafor, a professor.")
            == ["direct: ''It has the virtue of being responsible,'' | Leonard Okafor → Leonard Okafor (named)"])
        #expect(quotations("Okafor said of the plan, ``It doesn't add up at all.''")
            == ["direct: ``It doesn't add up at all.'' | Okafor → Okafor (named)"])
    }

    @Test func joinsTheHalvesOfAnInterruptedQuote() {
        let found = quotations("“We came here,” said Mr. Dlamini, “to finish what we started.”")
        #expect(found == ["direct: “We came here,” said Mr. Dlamini, “to finish what we started.” | Dlamini → Dlamini (named)"])
    }

    @Test func joinsAQuoteThatGoesOnAfterALongAppositive() {
        let text = "“The deal was a gift to the company,” said Marta Ilves, a law professor at Tartu University who has studied mining for years. “It shed every debt it had.”"
        let found = quotations(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("direct: “The deal was a gift to the company,” said Marta Ilves") == true)
        #expect(found.first?.hasSuffix("“It shed every debt it had.” | Marta Ilves → Marta Ilves (named)") == true)
    }

    @Test func looksPastABracketedStateAfterTheSpeaker() {
        #expect(quotations("“The committee has done its work,” Sen. Joan Pike (D-Mo.) said.")
            == ["direct: “The committee has done its work,” | Joan Pike → Joan Pike (named)"])
        #expect(quotations("“The committee has done its work,” Senate leader Joan Pike, R-Ky., said on Tuesday.").first?
            .hasSuffix("| Joan Pike → Joan Pike (named)") == true)
    }

    @Test func readsACurlyMarkTypedTheWrongWayRound() {
        #expect(quotations("“It is very unusual for a campaign,“ said Omar Haddad. Haddad left.").first
            == "direct: “It is very unusual for a campaign,“ | Omar Haddad → Omar Haddad (named)")
    }

    @Test func creditsAClauseWithAQuotedTailToTheCueAfterIt() {
        #expect(quotations("And the survey “felt more like a push poll than a real one,” Heiserman said.")
            == ["mixed: And the survey “felt more like a push poll than a real one,” | Heiserman → Heiserman (named)"])
    }

    @Test func endsAJudgementWithItsQuotedWords() {
        #expect(quotations("The governor described the crash as a “terrible situation” but stopped short of blaming anyone.").first
            == "mixed: the crash as a “terrible situation” | The governor → nobody (unresolved)")
    }

    @Test func carriesTheSpeakerAcrossQuoteParagraphs() {
        // After a quote introduced by its cue, the next quote paragraph is the same speaker's.
        let introduced = "Ms. Ferreira said: “The vote was fair and the count was clean.”\n\n“Anyone who says otherwise has not looked at the numbers.”"
        let found = quotations(introduced)
        #expect(found.count == 2)
        #expect(found.last?.hasSuffix("Ferreira → Ferreira (carried)") == true)
        #expect(diagnosticCodes(introduced).isEmpty)
        // After a quote whose attribution follows it, the next quote paragraph continues that
        // quotation (as PolNeAR's annotators mark it); a third is a quotation of its own.
        let followed = "“The vote was fair and the count was clean,” said Ms. Ferreira.\n\n“Anyone who says otherwise has not looked at the numbers.”\n\n“We will publish them.”"
        let joined = quotations(followed)
        #expect(joined.count == 2)
        #expect(joined.first == "direct: “The vote was fair and the count was clean,” said Ms. Ferreira.\n\n“Anyone who says otherwise has not looked at the numbers.” | Ferreira → Ferreira (named)")
        #expect(joined.last?.hasSuffix("Ferreira → Ferreira (carried)") == true)
        #expect(diagnosticCodes(followed).isEmpty)
    }

    @Test func creditsAQuoteParagraphToThePersonTheParagraphBeforeIntroduced() {
        let text = "Paul Okafor, who leads the dockers' union, has long warned about pay.\n\n“We will strike if we must, and we will win.”"
        #expect(quotations(text).last == "direct: “We will strike if we must, and we will win.” | Paul Okafor → Paul Okafor (carried)")
        #expect(diagnosticCodes(text).isEmpty)
    }

    @Test func spansParagraphsThatReopenWithoutClosing() {
        let text = "Ms. Ferreira said: “The vote was fair.\n\n“The count was clean, and we will publish it tomorrow.”"
        let found = quotations(text)
        #expect(found.count == 1)
        #expect(found.first?.contains("The vote was fair.\n\n“The count was clean") == true)
        #expect(diagnosticCodes(text).isEmpty)
    }

    @Test func reportsAQuoteThatNoOneIsCreditedWith() {
        let text = "The meeting ended late.\n\n“We have heard promises like this before, and nothing changed.”"
        #expect(quotations(text) == ["direct: “We have heard promises like this before, and nothing changed.” | no speaker"])
        #expect(diagnosticCodes(text) == ["unattributed-quote"])
    }

    @Test func reportsAnUnclosedQuote() {
        let text = "Smith said: “We will stay until the end\n\nThe crowd cheered."
        #expect(diagnosticCodes(text).contains("unclosed-quote"))
    }

    @Test func doesNotWarnWhenAClauseOrASignatureCreditsTheQuote() {
        // A verb Byline does not know, after a named subject.
        #expect(diagnosticCodes("After the debate, Hillary Clinton shot back, “I could have stayed home, but I chose to work.”").isEmpty)
        // A signature paragraph, as opinion round-ups print them.
        #expect(diagnosticCodes("“The whole idea needs to stop before it spreads any further.”\n\n- Michelle Marks, Philadelphia.").isEmpty)
        // A headline cited with its byline or its link, a slogan with its year.
        #expect(diagnosticCodes("SHORT READS:\n\n—\"An old harbour crane finds a second life as a gallery,\" by the Courier's Ana Duarte http://example.com/x.").isEmpty)
        #expect(diagnosticCodes("Posters went up overnight.\n\n“No more tolls on the harbour bridge, not one” (2005).").isEmpty)
        // But a quote on its own is still reported.
        #expect(diagnosticCodes("Not everyone agreed.\n\n“The whole idea needs to stop before it spreads any further.”") == ["unattributed-quote"])
    }

    @Test func findsSpeakersPastAsidesAndLongAppositives() {
        #expect(firstSpeaker("After the vote, Gov. John Kasich (R-OH), said, “We are getting ready for the long road west.”")
            == "John Kasich → John Kasich (named)")
        #expect(firstSpeaker("The plans “will not solve this, but are steps in the right direction,” Anne Richards, assistant secretary for population, refugees, and migration, said in a statement.")
            == "Anne Richards → Anne Richards (named)")
        // A place set off by commas opens the sentence; the subject comes after it.
        #expect(firstSpeaker("Donald Trump spoke. At an event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff who cannot win.”")?
            .hasPrefix("Trump → Donald Trump") == true)
        // "but said" shares the sentence's subject.
        #expect(firstSpeaker("John Smith hired aides. He praised those who left but said, “We are in a different ballgame now.”")
            == "He → John Smith (pronoun)")
    }

    @Test func aQuoteInterruptedByItsAttributionIsOneQuote() {
        // A title quoted inside the attribution does not part the halves.
        let titled = "Jane Roe spoke. “I think he will do fine,” she said, showing off the “Make It Great” hat he gave her. “I have backed him since the beginning.”"
        #expect(quotations(titled).count == 1)
        // A cue with content of its own in the next sentence begins a new report.
        let added = "“She has two chances to set expectations,” said Megan Greene, an economist. “And members keep saying so.” Greene added that the Fed wants to act."
        #expect(quotations(added).first?.hasPrefix("direct: “She has two chances to set expectations,” said Megan Greene, an economist. “And members keep saying so.”") == true)
    }

    /// The halves go together whatever comes between: a mixed quote's cue, a second cue
    /// naming where the words were reported, a cue Byline reads only where its clause ends.
    @Test func joinsHalvesAroundEveryKindOfAttribution() {
        let mixed = "Trump is also a “change agent,” Cole said. “That’s exactly what the party needs.”"
        #expect(quotations(mixed) == ["direct: Trump is also a “change agent,” Cole said. “That’s exactly what the party needs.” | Cole → Cole (named)"])
        let reported = "“You are no longer welcome,” said Kristen Day, executive director of the group, reports USA Today. “This has been the goal.”"
        #expect(quotations(reported).count == 1)
        #expect(quotations(reported).first?.hasSuffix("“This has been the goal.” | Kristen Day → Kristen Day (named)") == true)
        let charged = "“That is a disservice to them,” John Bolton charged. “They are performing honorably.”"
        #expect(quotations(charged) == ["direct: “That is a disservice to them,” John Bolton charged. “They are performing honorably.” | John Bolton → John Bolton (named)"])
        // "charged with" is the law's sense: no cue.
        #expect(quotations("John Bolton was charged with fraud and theft.").isEmpty)
        #expect(quotations("Critics charged that the deal was rushed.").first?.hasPrefix("indirect: the deal was rushed") == true)
    }

    /// A cue in the sentence after a quote looks back at it only when its clause says nothing
    /// of its own.
    @Test func aCueWithContentInTheNextSentenceLeavesTheQuoteAlone() {
        let text = "“Our jobs are being taken,” Mr. Trump said. “Jobs are my wheelhouse.” He said, twice, that he would go back to work."
        let found = quotations(text)
        #expect(found.first == "direct: “Our jobs are being taken,” Mr. Trump said. “Jobs are my wheelhouse.” | Trump → Trump (named)")
        #expect(found.count == 2 && found.last?.hasPrefix("indirect: he would go back to work | He → Trump (pronoun)") == true)
        #expect(firstSpeaker("“Why are you still endorsing him?” Obama asked Republican politicians.") == "Obama → Obama (named)")
    }

    /// A speaker named by a noun with several words before it ("a prominent Republican National
    /// Committee member"), on either side of the cue.
    @Test func findsSpeakersDescribedAtLength() {
        #expect(firstSpeaker("“That was outrageous,” the former campaign strategist said.") == "the former campaign strategist → nobody (unresolved)")
        #expect(firstSpeaker("“That was outrageous,” a Republican strategist said.") == "a Republican strategist → nobody (unresolved)")
        #expect(firstSpeaker("“That was outrageous,” said a Republican strategist who backs Trump.") == "a Republican strategist → nobody (unresolved)")
        #expect(firstSpeaker("“I would want answers,” said a prominent Republican National Committee member who supports Trump.")
            == "a prominent Republican National Committee member → nobody (unresolved)")
        // Asides in brackets and commas both; an article before a title.
        #expect(firstSpeaker("“They wouldn’t get a deal,” Rep. Jim Jordan (R-Ohio), an oversight panel member, said in an interview.")
            == "Jim Jordan → Jim Jordan (named)")
        #expect(firstSpeaker("“This is a good thing,” said the Rev. Peter Wherry, of Mayfield Memorial Church.") == "Peter Wherry → Peter Wherry (named)")
    }

    /// Speakers after the verb, however described; verbs that attribute only where their
    /// clause ends or right after the quote; a text that "read" something.
    @Test func findsSpeakersAfterTheVerbAndLateCues() {
        #expect(firstSpeaker("“It will be very difficult,” said one former GOP leadership aide.") == "one former GOP leadership aide → nobody (unresolved)")
        #expect(firstSpeaker("“It was not convincing,” said one Democrat familiar with the talks.") == "one Democrat → nobody (unresolved)")
        #expect(firstSpeaker("“He is the sensible adult,” said former Wisconsin Gov. Jim Doyle.") == "Jim Doyle → Jim Doyle (named)")
        #expect(firstSpeaker("“Our ideas of success are different,” agrees Michelle Stevens, 30, of Gainesville.")
            == "Michelle Stevens → Michelle Stevens (named)")
        #expect(firstSpeaker("“Is Obama profiling?” reacted Donald Trump.") == "Donald Trump → Donald Trump (named)")
        #expect(quotations("“It never gives up,” an angry Francois Hollande retaliated. “It still bears ideals.”").count == 1)
        #expect(firstSpeaker("“I am still with Sanders,” it read.")?.hasPrefix("it →") == true)
        // "agreed to" is a promise's, not a speaker's cue; ending a sentence with no quote
        // before it, "agreed" credits no one with the quote after it.
        #expect(quotations("Maria Lopez agreed to pay the fine.").isEmpty)
        #expect(diagnosticCodes("Not everyone agreed. “The whole plan will fail before the first ship arrives.”") == ["unattributed-quote"])
    }

    /// Words quoted in a clause with no cue Byline knows are the subject's, whoever the
    /// subject is: a name the recogniser left untyped, a described thing, a person past the
    /// place and title before the name.
    @Test func creditsQuotedWordsInAClauseToItsSubject() {
        #expect(firstSpeaker("ProPublica obtained a video of the speech and said she \"steered a middle ground\" in addressing executives.")
            == "ProPublica → nobody (named)")
        #expect(firstSpeaker("The Rove ad hits Clinton for taking “more money from Wall Street than from all of Iowa.”")
            == "The Rove ad → nobody (unresolved)")
        #expect(firstSpeaker("Weighing in, former Arkansas Gov. Mike Huckabee agreed, praising his rival as \"one of the most gifted stars that we've got.\"")
            == "Mike Huckabee → Mike Huckabee (named)")
    }

    /// A participle after an attribution speaks with the attribution's speaker, not the
    /// sentence's subject; the clause before a cue that ends the sentence is all quoted.
    @Test func aParticipleSpeaksWithTheCueBeforeIt() {
        #expect(quotations("Ryan and Trump will meet next week, Spicer said, adding, \"They need to have a good talk.\"")
            == ["direct: \"They need to have a good talk.\" | Spicer → Spicer (named)"])
        #expect(quotations("Trump’s “excesses” are sickening, Hollande said Tuesday, noting the nominee “makes you want to retch.”") == [
            "mixed: Trump’s “excesses” are sickening | Hollande → Hollande (named)",
            "mixed: the nominee “makes you want to retch.” | Hollande → Hollande (named)",
        ])
        // A cue in a clause of its own is not the participle's.
        let relative = "Maria Lopez praised the speech that Tim Kaine said was strong, saying, “It was the best of the week.”"
        #expect(firstSpeaker(relative) == "Maria Lopez → Maria Lopez (named)")
    }

    /// Plain text pasted from the web keeps each paragraph on one long line: a single line
    /// break after it ends the paragraph, so the next line's cue is no attribution of the quote.
    @Test func aLineBreakAfterALongLineEndsTheQuotesParagraph() {
        let text = "“I am pro-life, but I believe there should be exceptions for the life of the mother,” Bush said. “And so that belief puts me in the right place.”\nRubio said he does support an exception."
        let found = quotations(text)
        #expect(found.count == 2)
        #expect(found.first?.hasSuffix("“And so that belief puts me in the right place.” | Bush → Bush (named)") == true)
        #expect(found.last?.hasPrefix("indirect: he does support an exception") == true)
    }

    /// A quote that ends its sentence after the cue introducing it is that cue's, and the next
    /// sentence's cue introduces a quote of its own.
    @Test func aCueBeforeAQuoteOwnsItOverTheNextSentencesCue() {
        let text = "Ben Brafman said, “The zeal in this case is unusual.” He added, “Things happened that are not ordinary.”"
        #expect(quotations(text) == [
            "direct: “The zeal in this case is unusual.” | Ben Brafman → Ben Brafman (named)",
            "direct: “Things happened that are not ordinary.” | He → Ben Brafman (pronoun)",
        ])
        #expect(firstSpeaker("Salma Hayek agreed and said, “America has a severe problem.” The star then recalled an incident.")
            == "Salma Hayek → Salma Hayek (named)")
    }

    /// Between a speaker and the verb: an adverb in -ly, "went on to"; before the noun naming
    /// them, a word describing them.
    @Test func findsSpeakersPastAdverbsAndDescriptions() {
        #expect(firstSpeaker("Donald Trump jokingly said, “I am becoming mainstream.”") == "Donald Trump → Donald Trump (named)")
        #expect(firstSpeaker("The email went on to say, “People just don’t feel the need to show up.”")?.hasPrefix("The email") == true)
        #expect(firstSpeaker("The former pollster said, “She is behind in a number of polls.”")?.hasPrefix("The former pollster") == true)
        // A noun in -ly is no adverb: "the ally said" names the ally.
        #expect(firstSpeaker("The ally said, “He will run again.”")?.hasPrefix("The ally") == true)
    }

    /// “…,” Trump said, adding, “…”: the participle's subject is the sentence's speaker, never
    /// a word inside the first quote.
    @Test func aParticipleAfterAnAttributionSharesItsSpeaker() {
        let text = "“It’s been a total disaster,” Donald Trump said, adding, “Nobody cares about it.”"
        #expect(quotations(text).map { $0.components(separatedBy: " | ").last } == [
            "Donald Trump → Donald Trump (named)", "Donald Trump → Donald Trump (named)",
        ])
    }

    /// The person a name owns speaks, not the name; a thing it owns does not.
    @Test func aPossessedPersonIsTheSubjectNotTheOwner() {
        #expect(firstSpeaker("Hillary Clinton’s right-hand woman rallied supporters, saying: “We have to be ready.”")
            == "Hillary Clinton’s right-hand woman → nobody (unresolved)")
        #expect(firstSpeaker("Donald Trump’s campaign manager told reporters, saying: “We are not worried.”")?.hasPrefix("Donald Trump’s campaign manager") == true)
        #expect(firstSpeaker("Mike Huckabee is labeling the actions “a blatant, belligerent abuse of power.”") == "Mike Huckabee → Mike Huckabee (named)")
    }

    /// A headline cited with its byline, or a slogan with its year, is a title: no quotation.
    @Test func citedHeadlinesAndDatedSlogansAreTitles() {
        #expect(quotations("Also worth a look. —\"An NYPD sketch artist gets a gallery show,\" by Hyperallergic's Carey Dunne: http://bit.ly/x").isEmpty)
        #expect(quotations("The party's posters said it plainly. “Lose safety? Lose work? No to open borders” (2005).").isEmpty)
        #expect(diagnosticCodes("—\"The club will close at the end of December,\" by the Times' Ben Sisario.").isEmpty)
    }

    @Test func neverWarnsAboutScareQuotesOrTitles() {
        let text = "The so-called “reform” passed. She read “The Old Man and the Sea” twice."
        #expect(diagnosticCodes(text).isEmpty)
        #expect(quotations(text).isEmpty)
        // Words someone is said to have used are theirs: a mixed quote, never a warning.
        let called = "Critics called the plan “rigged” and “woke.”"
        #expect(quotations(called) == ["mixed: the plan “rigged” and “woke.” | Critics → nobody (unresolved)"])
        #expect(diagnosticCodes(called).isEmpty)
    }
}

@Suite struct ReportedSpeechTests {
    @Test func findsSpeakersDescribedByHowManyTheyAreAndAdverbsBeforeTheVerb() {
        #expect(quotations("The candidates met voters. Several said they would rather fund schools through block grants.")
            == ["indirect: they would rather fund schools through block grants | Several → nobody (unresolved)"])
        #expect(firstSpeaker("Paul Ryan spoke. Mr. Ryan has long said that he will support the party's nominee.")?.hasPrefix("Ryan → Paul Ryan") == true)
    }

    @Test func aBulletOpensASentence() {
        #expect(firstSpeaker("~ As Vulture put it, “Hello, it is the comeback of the year.”") == "Vulture → nobody (named)")
    }

    @Test func wordsAJudgementQuotesAreTheJudgesMixedQuote() {
        #expect(quotations("Hillary Clinton spoke. She blasted the media for being “unbelievably dishonest.”")
            == ["mixed: the media for being “unbelievably dishonest.” | She → Hillary Clinton (pronoun)"])
    }

    @Test func anotherSpeakersStatementAfterButIsItsOwnReport() {
        #expect(quotations("Governor Ana Ruiz said the plant would close, but union leader Tom Berg said the workers would fight on.") == [
            "indirect: the plant would close | Ana Ruiz → Ana Ruiz (named)",
            "indirect: the workers would fight on | Tom Berg → Tom Berg (named)",
        ])
    }

    @Test func aPronounAfterTheCueBeginsWhatWasSaid() {
        #expect(quotations("Jeffrey Salkin, a rabbi helping to organize the boycott, said he and other rabbis were alarmed.")
            == ["indirect: he and other rabbis were alarmed | Jeffrey Salkin → Jeffrey Salkin (named)"])
    }

    @Test func aRelativeClausesReportEndsWithTheClause() {
        #expect(quotations("Charles Barkley, who said he typically votes for Democrats, was blunt about the race.")
            == ["indirect: he typically votes for Democrats | Charles Barkley → Charles Barkley (named)"])
    }

    @Test func aPromiseIsReportedSpeechButAPlanIsNot() {
        #expect(quotations("Senator Ana Ruiz vowed to fight the closure of the plant.")
            == ["indirect: to fight the closure of the plant | Ana Ruiz → Ana Ruiz (named)"])
        #expect(quotations("Senator Ana Ruiz plans to fight the closure of the plant.").isEmpty)
    }

    @Test func aCueInsideAClauseGivesWayToTheSentencesCue() {
        let text = "Kathleen Jamieson directs the center. Donald Trump spoke. While not everything Trump says is true, Jamieson said Trump is “telling his supporters what they want.”"
        #expect(firstSpeaker(text)?.hasPrefix("Jamieson → Kathleen Jamieson") == true)
    }

    /// "According to" credits polls, counts, records and laws as well as people: the whole
    /// phrase is the source, its first person or organisation the entity.
    @Test func accordingToCreditsAnySource() {
        #expect(quotations("Clinton leads Sanders by 271 pledged delegates, according to a count by The Associated Press.") == [
            "indirect: Clinton leads Sanders by 271 pledged delegates | a count by The Associated Press → The Associated Press (named)",
        ])
        #expect(quotations("According to state law, no one may solicit a vote within 150 feet of a polling place.") == [
            "indirect: no one may solicit a vote within 150 feet of a polling place | state law → nobody (unresolved)",
        ])
        // Set off between a subject and its verb, the attribution credits the whole sentence.
        let inside = "At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision made years ago."
        #expect(quotations(inside).first?.hasPrefix("indirect: At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision made years ago |") == true)
        // Not "according to plan": a phrase with nothing after it names no source.
        #expect(quotations("The vote went ahead on Monday, according to plan.").isEmpty)
    }

    /// “…,” said the 46-year-old: an age names the speaker, and the halves join; “…?” Trump
    /// went on: going on speaking is a cue.
    @Test func agesAndGoingOnAttributeQuotes() {
        let aged = "Tiffany Trump spoke last. “He is an amazing leader,” said the 46-year-old. “Now he will work for you.”"
        #expect(quotations(aged) == [
            "direct: “He is an amazing leader,” said the 46-year-old. “Now he will work for you.” | the 46-year-old → nobody (unresolved)",
        ])
        #expect(firstSpeaker("Megyn Kelly pressed on. “You know, it happens, right?” Donald Trump went on, as if he had not heard.")
            == "Donald Trump → Donald Trump (named)")
    }

    /// "X called Y “…” and said Z": the judgement ends before the joined verb of speech, whose
    /// speaker is the sentence's subject and whose content is what follows it.
    /// A group named by a plural noun for people speaks, set off by commas mid-sentence too.
    @Test func aPluralGroupSpeaksMidSentence() {
        #expect(quotations("It makes sense, strategists said, for Democrats to put the concept in the public’s mind now.")
            == ["indirect: It makes sense, strategists said, for Democrats to put the concept in the public’s mind now | strategists → nobody (unresolved)"])
        // An aside whose name has its article: the whole sentence is what was said.
        #expect(quotations("The emails were on a variety of topics, the Times said, including speeches and meetings.").first?
            .hasPrefix("indirect: The emails were on a variety of topics, the Times said, including speeches and meetings |") == true)
    }

    /// "…, compared with 64 percent who …": the writer's comparison ends what was said.
    @Test func aComparisonEndsAReport() {
        #expect(quotations("Seventy-four percent of voters say they have a favorable view of Clinton, compared with 64 percent who say the same of Sanders.").first
            == "indirect: they have a favorable view of Clinton | Seventy-four percent of voters → nobody (unresolved)")
    }

    @Test func aJoinedVerbOfSpeechIsTheSubjectsNewStatement() {
        #expect(quotations("Lindsey Graham called both candidates “crazy” and said the party is bound to lose the election.") == [
            "mixed: both candidates “crazy” | Lindsey Graham → Lindsey Graham (named)",
            "indirect: the party is bound to lose the election | Lindsey Graham → Lindsey Graham (named)",
        ])
        // After a comma, a joined verb of judgement ends the report too; with no comma, a
        // verb joined inside the content is the content's own.
        #expect(quotations("Donald Trump said the tax plan would give money to immigrants, and called him “the leading proponent of amnesty.”") == [
            "indirect: the tax plan would give money to immigrants | Donald Trump → Donald Trump (named)",
            "mixed: him “the leading proponent of amnesty.” | Donald Trump → Donald Trump (named)",
        ])
        #expect(quotations("The company said it hired 20 people and fired 10 others.").first?.hasPrefix("indirect: it hired 20 people and fired 10 others") == true)
    }

    /// "A spokesman for Platte River declined …, but said …": a speaker's noun and whose it is
    /// open the sentence, and a verb of speech joined by "but" is theirs; "declined to comment"
    /// is no cue.
    @Test func aDescribedSubjectSpeaksThroughAJoinedVerb() {
        let text = "A spokesman for Platte River Networks declined to comment but said in a statement that \"the company treated the server like any other.\""
        #expect(firstSpeaker(text) == "A spokesman for Platte River Networks → nobody (unresolved)")
    }

    /// Polls report what counted groups say; a count before another verb is no speaker.
    @Test func aCountedGroupSaysWhatAPollReports() {
        #expect(quotations("Seventy-four percent of Democratic voters say they have a favorable view of Clinton.") == [
            "indirect: they have a favorable view of Clinton | Seventy-four percent of Democratic voters → nobody (unresolved)",
        ])
        #expect(quotations("In each state, about half of voters say they prefer an outsider.").first?
            .hasSuffix("| about half of voters → nobody (unresolved)") == true)
        #expect(quotations("Clinton has won 1,700 pledged delegates in the primaries so far.").isEmpty)
    }

    @Test func aSecondStatementWithItsOwnCueIsItsOwnReport() {
        #expect(quotations("Governor Ana Ruiz said the budget was balanced, adding that taxes would not rise next year.") == [
            "indirect: the budget was balanced | Ana Ruiz → Ana Ruiz (named)",
            "indirect: taxes would not rise next year | Ana Ruiz → Ana Ruiz (named)",
        ])
        #expect(quotations("Senator Paul Okoro said the vote would wait but argued that the delay cost money.") == [
            "indirect: the vote would wait | Paul Okoro → Paul Okoro (named)",
            "indirect: the delay cost money | Paul Okoro → Paul Okoro (named)",
        ])
        // A comma inside the closing mark ends the first statement too.
        #expect(quotations("Ted Cruz said there is “only one conservative in a position to win,” adding that it is why Trump attacks him.") == [
            "mixed: there is “only one conservative in a position to win | Ted Cruz → Ted Cruz (named)",
            "indirect: it is why Trump attacks him | Ted Cruz → Ted Cruz (named)",
        ])
        // "…, said X" is the sentence's own cue, not a second statement.
        #expect(quotations("The budget was balanced and taxes would not rise, said Governor Ana Ruiz.").count == 1)
    }

    @Test func aVerbJoinedByAndSharesTheSentencesSubject() {
        #expect(quotations("Senator Ruth Okafor is telling a veterans group that the army is depleted and says she will expand the armed forces.")
            .contains("indirect: she will expand the armed forces | Ruth Okafor → Ruth Okafor (named)"))
    }

    @Test func findsEveryFormOfAttributionWithoutMarks() {
        #expect(quotations("Kowalczyk said that the talks would resume next week.")
            == ["indirect: the talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("The talks would resume next week, Kowalczyk said.")
            == ["indirect: The talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("The talks would resume next week, said Kowalczyk, whose party won.")
            == ["indirect: The talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("According to Kowalczyk, the talks would resume next week.")
            == ["indirect: the talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("Kowalczyk told reporters the talks would resume next week.")
            == ["indirect: the talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("Kowalczyk pointed out that the talks would resume next week.")
            == ["indirect: the talks would resume next week | Kowalczyk → Kowalczyk (named)"])
        #expect(quotations("The talks would resume next week, CCTV reported.")
            == ["indirect: The talks would resume next week | CCTV → CCTV (named)"])
    }

    @Test func takesWhoWasToldOutOfTheContent() {
        #expect(quotations("Marta Kowalczyk told Reuters the talks would resume next week.")
            == ["indirect: the talks would resume next week | Marta Kowalczyk → Marta Kowalczyk (named)"])
    }

    @Test func readsAfterAnAppositiveTheSubjectsOwnVerb() {
        // The name after "said" starts the reported clause here; the subject said it.
        let found = quotations("Foreign Minister Marta Kowalczyk, visiting Lagos, said Warsaw backed the mission.")
        #expect(!found.contains { $0.contains("| Warsaw") })
        #expect(quotations("The mission will go on, said Kowalczyk on Friday.")
            == ["indirect: The mission will go on | Kowalczyk → Kowalczyk (named)"])
    }

    @Test func readsCuesThatTakeBackAndAnsweringVerbs() {
        #expect(quotations("“That is simply false,” Marta Kowalczyk shot back.")
            == ["direct: “That is simply false,” | Marta Kowalczyk → Marta Kowalczyk (named)"])
        #expect(quotations("Kowalczyk answered, “We have nothing to hide here.”")
            == ["direct: “We have nothing to hide here.” | Kowalczyk → Kowalczyk (named)"])
    }

    @Test func creditsAGroupMemberNamedByNationalityOrParty() {
        let found = quotations("“The race is far from over,” said a New Hampshire Republican.")
        #expect(found == ["direct: “The race is far from over,” | a New Hampshire Republican → nobody (unresolved)"])
    }

    @Test func findsTheSubjectAfterAnOpeningPhrase() {
        let found = quotations("In a radio interview later that day, Marta Kowalczyk went further: “The deal is dead and buried.”")
        #expect(found == ["direct: “The deal is dead and buried.” | Marta Kowalczyk → Marta Kowalczyk (named)"])
    }

    @Test func givesQuotedWordsWithoutASpeechVerbTheirClauseAndSubject() {
        let found = quotations("Governor Ana Duarte lauded the plan for its “new and innovative ideas about water” in her address.")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("mixed: ") == true)
        #expect(found.first?.contains("| Ana Duarte → Ana Duarte") == true)
    }

    @Test func readsATextThatSpeaksAndARelativeClauseSpeaker() {
        let email = quotations("“Our campaign has changed the debate on wages,” read the email.")
        #expect(email.first?.contains("| the email → nobody") == true)
        let article = quotations("Ana Duarte built towers.\n\n“Leaders honored Ana Duarte for the comeback of the decade,” the article read.")
        #expect(article.first?.contains("| the article → nobody") == true)
        // "read" with an object is no cue: the pupils read it, they do not speak it.
        #expect(quotations("“Leaders honored Ana Duarte for the comeback of the decade,” and the pupils read it aloud.").first?.contains("| the pupils") != true)
        let message = quotations("The page showed a message that said, “Sorry, the item you asked for is gone.”")
        #expect(message.first?.contains("| a message") == true)
        let stating = quotations("Her campaign sent an email stating, “The speaker has joined the critics of the plan.”")
        #expect(stating.first?.contains("| an email") == true)
    }

    @Test func creditsTheSubjectAfterAnOpeningPhraseOrBeforeADash() {
        let found = quotations("Earlier this week, Marta Kowalczyk shared her worry with donors, “I do not know which rival will show up.”")
        #expect(found.first?.contains("| Marta Kowalczyk → Marta Kowalczyk") == true)
        let dash = quotations("Marta Kowalczyk also defended the harbour plan -- “It is the cheapest way to keep the port open.”")
        #expect(dash.first?.contains("| Marta Kowalczyk → Marta Kowalczyk") == true)
    }

    @Test func creditsAPersonNamedRightBeforeAColonAndAnInvertedAsk() {
        let colon = quotations("The surge does not surprise the pollster Dana Whitfield: “Late deciders always break for the challenger.”")
        #expect(colon.first?.contains("| Dana Whitfield → Dana Whitfield") == true)
        let asked = quotations("“Where were the inspectors all year?” asked Okafor, now a radio host.")
        #expect(asked.first?.contains("| Okafor → Okafor") == true)
        let one = quotations("“Nobody here trusts the count,” one volunteer wrote.")
        #expect(one.first?.contains("| one volunteer → nobody") == true)
    }

    @Test func findsThePersonAfterALowerCaseRoleOrOfAPlace() {
        let role = quotations("“The rationales do not hold weight,” said 9/11 widow Terry Strada.")
        #expect(role.first?.contains("| Terry Strada → Terry Strada") == true)
        let place = quotations("“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.")
        #expect(place.first?.contains("| Del. Stacey Plaskett → Stacey Plaskett") == true || place.first?.contains("Stacey Plaskett") == true)
    }

    @Test func givesOfficialsASpeakerWithNoEntity() {
        #expect(quotations("The bridge will reopen on Monday, officials said.")
            == ["indirect: The bridge will reopen on Monday | officials → nobody (unresolved)"])
    }

    @Test func resolvesPronounsToTheLastSpeaker() {
        let text = "Marta Kowalczyk said the port would expand. She said the work would start in the spring."
        #expect(quotations(text).last == "indirect: the work would start in the spring | She → Marta Kowalczyk (pronoun)")
    }

    @Test func resolvesADescriptionThroughRoles() {
        let text = "Russian President Vladimir Putin met Chinese leader Xi Jinping. The Russian leader said the talks went well."
        #expect(quotations(text).last == "indirect: the talks went well | The Russian leader → Vladimir Putin (role)")
    }

    @Test func takesAQuotedFragmentInsideReportedSpeechForAMixedQuote() {
        let text = "Tapper said the senator's actions were “unethical” and “horrifying” for the party."
        #expect(quotations(text) == ["mixed: the senator's actions were “unethical” and “horrifying” for the party | Tapper → Tapper (named)"])
    }

    @Test func takesTheUsersOwnSpeechVerbs() {
        let text = "“The harbour never sleeps, and neither do we,” drawled Jan Smit."
        let plain = Analyzer().analyze(Article(text)).quotes
        #expect(plain.first?.speaker == nil)
        let quotes = Analyzer(options: AnalyzerOptions(extraSpeechVerbs: ["drawled"])).analyze(Article(text)).quotes
        #expect(quotes.count == 1)
        #expect(quotes.first.flatMap { $0.cue.map { Article(text).text.substring($0.range) } } == "drawled")
        #expect(quotes.first?.speaker?.entityIndex != nil)
    }

    @Test func leavesCommitmentsAndBeliefsAlone() {
        #expect(quotations("Leaders pledged on Friday to deepen ties.").isEmpty)
    }
}

@Suite struct LongArticleQuotationTests {
    /// A long article's sentences are searched on several threads: every paragraph must
    /// still get exactly the quotations it gets on its own, transcripts included.
    @Test func aLongArticleGetsWhatEachOfItsParagraphsGets() {
        let paragraph = """
            Senator Maria Lopez said the bill would pass, adding that the vote was close. “We have the numbers,” she said.

            LOPEZ: We will vote on Tuesday and we will win this fight.

            The agency reported that costs rose, according to officials.
            """
        let single = Analyzer().analyze(Article(paragraph)).quotes.count
        #expect(single >= 4)
        let copies = 700
        let article = Article(Array(repeating: paragraph, count: copies).joined(separator: "\n\n"))
        let annotations = Analyzer().analyze(article)
        #expect(annotations.quotes.count == single * copies)
        #expect(annotations.quotes.filter { $0.speaker == nil }.count == 0)
    }

    @Test func aLongArticleWithFewSentencesIsSearchedToo() {
        // 20,000 tokens in three sentences: fewer sentences than the search has chunks.
        let long = Array(repeating: "word", count: 10_000).joined(separator: " ")
        let text = "Mayor Ana Ruiz said \(long). Then \(long). “It is done,” she said."
        let quotes = Analyzer().analyze(Article(text)).quotes
        #expect(quotes.contains { $0.kind == .direct && $0.speaker != nil })
    }
}
