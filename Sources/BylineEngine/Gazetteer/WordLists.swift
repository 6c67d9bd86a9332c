/// Hand-written word lists: the closed classes that news English leans on (titles,
/// organisation heads, speech verbs, dates, units). Each is small and curated, unlike the
/// generated gazetteers; all are looked up by bytes through `StaticTable`.
enum WordLists {
    /// Honorifics: before a name they make it a person for certain.
    static let honorifics: StaticString = """
        mr
        mr.
        mrs
        mrs.
        ms
        ms.
        miss
        dr
        dr.
        sir
        dame
        lord
        lady
        madam
        prof
        prof.
        rev
        rev.
        sen.
        rep.
        gov.
        gen.
        lt.
        col.
        capt.
        sgt.
        adm.
        maj.
        cmdr.
        pres.
        """

    /// Job titles and roles, lower-cased; a title before a capitalised name marks a person.
    static let titles: StaticString = """
        president
        vice
        prime
        minister
        premier
        chancellor
        king
        queen
        prince
        princess
        emperor
        empress
        pope
        cardinal
        bishop
        archbishop
        rabbi
        imam
        ayatollah
        sheikh
        emir
        sultan
        leader
        chairman
        chairwoman
        chair
        chief
        ceo
        cfo
        coo
        founder
        cofounder
        co-founder
        owner
        executive
        director
        manager
        coach
        spokesman
        spokeswoman
        spokesperson
        secretary
        senator
        congressman
        congresswoman
        representative
        governor
        mayor
        lawmaker
        legislator
        speaker
        general
        admiral
        commander
        colonel
        lieutenant
        captain
        major
        sergeant
        corporal
        officer
        ambassador
        envoy
        diplomat
        judge
        justice
        prosecutor
        attorney
        lawyer
        counsel
        professor
        analyst
        economist
        correspondent
        editor
        reporter
        anchor
        columnist
        host
        head
        deputy
        adviser
        advisor
        aide
        official
        candidate
        nominee
        challenger
        incumbent
        president-elect
        striker
        midfielder
        defender
        goalkeeper
        quarterback
        pitcher
        actor
        actress
        singer
        rapper
        author
        novelist
        poet
        artist
        filmmaker
        director-general
        secretary-general
        commissioner
        inspector
        superintendent
        sheriff
        detective
        agent
        activist
        dissident
        billionaire
        businessman
        businesswoman
        entrepreneur
        investor
        tycoon
        broadcaster
        """

    /// Words that end (or, with "of", begin) the names of organisations. Hospitals, museums,
    /// libraries and theatres are institutions here, as OntoNotes and CoNLL annotate them;
    /// the buildings they stand in are facilities only when named as such ("Carnegie Hall").
    static let organizationHeads: StaticString = """
        ministry
        department
        party
        council
        inc
        inc.
        corp
        corp.
        corporation
        company
        co
        co.
        cos
        ltd
        ltd.
        llc
        plc
        ag
        gmbh
        spa
        sa
        nv
        bv
        ab
        asa
        oyj
        srl
        sarl
        pty
        bourse
        group
        bank
        university
        college
        institute
        institution
        agency
        authority
        commission
        committee
        chamber
        association
        federation
        union
        organization
        organisation
        foundation
        fund
        court
        parliament
        senate
        congress
        assembly
        army
        navy
        police
        service
        services
        bureau
        office
        board
        trust
        society
        league
        club
        times
        post
        journal
        news
        press
        herald
        tribune
        sentinel
        brothers
        bros
        bros.
        hospital
        museum
        library
        gallery
        theatre
        theater
        chronicle
        courier
        examiner
        inquirer
        enquirer
        observer
        statesman
        bulletin
        dispatch
        ledger
        mail
        mirror
        advertiser
        star-telegram
        gazette
        telegraph
        guardian
        broadcasting
        television
        radio
        airlines
        airways
        motors
        holdings
        partners
        industries
        technologies
        systems
        communications
        network
        exchange
        reserve
        administration
        cabinet
        government
        command
        alliance
        coalition
        movement
        front
        brigade
        brigades
        church
        school
        academy
        laboratory
        laboratories
        labs
        studios
        records
        pictures
        entertainment
        media
        fc
        team
        caucus
        secretariat
        directorate
        tribunal
        prosecutor's
        guard
        forces
        corps
        force
        railroad
        railway
        regiment
        battalion
        division
        newsroom
        """

    /// Words that end the names of places that are not countries or cities (LOC).
    static let locationHeads: StaticString = """
        sea
        ocean
        river
        mountains
        mountain
        mount
        lake
        gulf
        bay
        valley
        desert
        island
        islands
        peninsula
        strait
        straits
        coast
        basin
        plateau
        canal
        channel
        region
        province
        county
        district
        state
        territory
        oblast
        prefecture
        parish
        township
        municipality
        borough
        cave
        caves
        woods
        hills
        heights
        falls
        beach
        canyon
        glacier
        reef
        lagoon
        creek
        springs
        pond
        brook
        marsh
        forest
        moor
        fjord
        lakes
        rapids
        swamp
        """

    /// Words that end the names of buildings and structures (FAC).
    static let facilityHeads: StaticString = """
        airport
        bridge
        stadium
        arena
        square
        tower
        towers
        palace
        station
        street
        avenue
        road
        boulevard
        highway
        building
        center
        centre
        hall
        cathedral
        mosque
        temple
        prison
        base
        port
        harbor
        harbour
        dam
        plaza
        park
        memorial
        house
        courthouse
        castle
        abbey
        fort
        barracks
        lighthouse
        terminal
        pier
        rink
        oval
        estate
        ave
        dock
        docks
        playfield
        wharf
        quay
        pavilion
        """

    /// Words that end the names of events.
    static let eventHeads: StaticString = """
        war
        olympics
        games
        cup
        championship
        championships
        masters
        summit
        festival
        election
        elections
        revolution
        crisis
        conference
        tournament
        open
        marathon
        grand
        prix
        series
        battle
        siege
        campaign
        massacre
        offensive
        uprising
        rebellion
        invasion
        treaty
        awards
        award
        prize
        trophy
        bowl
        """

    /// Organisations known by name alone; the key is the name as written.
    static let knownOrganizations: StaticString = """
        Kremlin
        White House
        Pentagon
        NATO
        UN
        U.N.
        United Nations
        EU
        E.U.
        European Union
        European Commission
        European Parliament
        WHO
        IMF
        World Bank
        WTO
        OPEC
        Reuters
        AP
        Associated Press
        AFP
        Agence France-Presse
        Bloomberg
        BBC
        CNN
        CCTV
        Xinhua
        TASS
        RIA Novosti
        Interfax
        Al Jazeera
        Fox News
        Fox
        NBC
        CBS
        ABC
        NPR
        PBS
        MSNBC
        HBO
        New York Times
        Washington Post
        Wall Street Journal
        Financial Times
        Economist
        Politico
        Axios
        Breitbart
        Facebook
        Google
        Apple
        Microsoft
        Amazon
        Twitter
        Meta
        Tesla
        Netflix
        Samsung
        Toyota
        Boeing
        Airbus
        Gazprom
        Rosneft
        Huawei
        Alibaba
        Tencent
        Congress
        Senate
        Supreme Court
        FBI
        CIA
        NSA
        DOJ
        EPA
        FDA
        CDC
        NASA
        SEC
        IRS
        FEMA
        ICE
        DHS
        Fed
        Federal Reserve
        Justice Department
        State Department
        Treasury
        Hamas
        Hezbollah
        Taliban
        ISIS
        ISIL
        Islamic State
        al-Qaeda
        Al Qaeda
        al Qaeda
        Democratic Party
        Republican Party
        GOP
        DNC
        RNC
        Labour
        Tories
        Bundestag
        Duma
        State Duma
        Knesset
        Politburo
        Red Cross
        Amnesty International
        Human Rights Watch
        Greenpeace
        Interpol
        Europol
        ASEAN
        G7
        G20
        BRICS
        Kremlin's
        Security Council
        General Assembly
        Trump Organization
        Clinton Foundation
        Planned Parenthood
        NRA
        ACLU
        Itar-Tass
        ITAR-TASS
        Kyodo
        Yonhap
        ANSA
        EFE
        PTI
        Press Trust of India
        AAP
        Bernama
        Antara
        Anatolian
        MENA
        IRNA
        KCNA
        Tanjug
        Press Association
        United Press International
        UPI
        Dow Jones
        Bloomberg News
        Lufthansa
        British Airways
        Air France
        KLM
        Volkswagen
        Daimler
        Daimler-Benz
        BMW
        Siemens
        Bayer
        BASF
        Hoechst
        Deutsche Bank
        Dresdner Bank
        Commerzbank
        Bundesbank
        Allianz
        Nestle
        Unilever
        Shell
        Royal Dutch Shell
        BP
        Exxon
        Mobil
        Chevron
        Texaco
        Elf Aquitaine
        IBM
        Intel
        General Motors
        GM
        Chrysler
        General Electric
        Nissan
        Sony
        Hitachi
        Toshiba
        Mitsubishi
        Renault
        Peugeot
        Fiat
        Philips
        Ericsson
        Nokia
        Barclays
        HSBC
        Lloyds
        NatWest
        Citibank
        Citicorp
        Goldman Sachs
        Morgan Stanley
        J.P. Morgan
        Merrill Lynch
        Salomon Brothers
        Nasdaq
        NYSE
        AT&T
        Motorola
        Compaq
        Hewlett-Packard
        Oracle
        Coca-Cola
        PepsiCo
        McDonald's
        Walmart
        Wal-Mart
        Glaxo
        GlaxoSmithKline
        Pfizer
        Novartis
        Roche
        FIFA
        UEFA
        IOC
        Major League Baseball
        Major League Soccer
        NBA
        NFL
        NHL
        ATP
        WTA
        ICC
        Arsenal
        Sheffield Wednesday
        Sheffield United
        Juventus
        Ajax
        Feyenoord
        PSV Eindhoven
        Real Madrid
        Atletico Madrid
        Bayern Munich
        Borussia Dortmund
        Manchester United
        Manchester City
        Tottenham
        Tottenham Hotspur
        Aston Villa
        Inter Milan
        AC Milan
        Lazio
        Sampdoria
        Fiorentina
        Benfica
        Galatasaray
        Fenerbahce
        Anderlecht
        OSCE
        UNESCO
        UNICEF
        UNHCR
        Mossad
        PLO
        Sinn Fein
        """

    /// Places that are not in the country, city and state tables.
    static let knownLocations: StaticString = """
        Middle East
        East China Sea
        South China Sea
        Persian Gulf
        Gulf
        Arctic
        Antarctic
        Balkans
        Caucasus
        Sahara
        Sahel
        Himalayas
        Alps
        Mediterranean
        Atlantic
        Pacific
        Indian Ocean
        Black Sea
        Baltic
        Baltics
        Red Sea
        Caribbean
        Latin America
        Central Asia
        Southeast Asia
        South Asia
        East Asia
        Eastern Europe
        Western Europe
        Central Europe
        Central America
        South America
        North America
        Scandinavia
        Siberia
        Silicon Valley
        Midwest
        West Coast
        East Coast
        Gulf Coast
        Rust Belt
        Sun Belt
        Bible Belt
        Korean Peninsula
        Horn of Africa
        Amazon
        Nile
        Danube
        Rhine
        Mekong
        Yangtze
        Euphrates
        Tigris
        Mississippi River
        Rocky Mountains
        Rockies
        Appalachia
        Sinai
        Golan Heights
        """

    /// Geopolitical names missing from the generated tables (regions that act as states).
    static let knownGeopoliticalEntities: StaticString = """
        Crimea
        Donbas
        Donbass
        Donetsk
        Luhansk
        Gaza
        Gaza Strip
        West Bank
        Kosovo
        Taiwan
        Hong Kong
        Macau
        Tibet
        Xinjiang
        Kashmir
        Chechnya
        Catalonia
        Scotland
        Wales
        England
        Northern Ireland
        Britain
        Great Britain
        UK
        U.K.
        US
        U.S.
        USA
        U.S.A.
        America
        Soviet Union
        USSR
        Washington
        D.C.
        Washington D.C.
        Brussels
        Palestine
        Kurdistan
        Puerto Rico
        Guam
        Holland
        Burma
        Ivory Coast
        Czechia
        """

    /// Nationalities, religions and political groups beyond the country demonyms (NORP).
    static let groups: StaticString = """
        Democrat
        Democrats
        Democratic
        Republican
        Republicans
        Muslim
        Muslims
        Christian
        Christians
        Jewish
        Jew
        Jews
        Catholic
        Catholics
        Protestant
        Protestants
        Evangelical
        Evangelicals
        Orthodox
        Sunni
        Sunnis
        Shiite
        Shiites
        Shia
        Hindu
        Hindus
        Buddhist
        Buddhists
        Sikh
        Sikhs
        Arab
        Arabs
        Arabic
        Western
        Westerners
        European
        Europeans
        Asian
        Asians
        African
        Africans
        Latino
        Latinos
        Latina
        Hispanic
        Hispanics
        Palestinian
        Palestinians
        Kurdish
        Kurd
        Kurds
        Soviet
        Soviets
        Nazi
        Nazis
        Communist
        Communists
        Socialist
        Socialists
        Islamist
        Islamists
        Hutu
        Hutus
        Tutsi
        Tutsis
        Tamil
        Tamils
        Zulu
        Zulus
        Xhosa
        Basque
        Basques
        Maori
        Berber
        Berbers
        Druze
        Alawite
        Alawites
        Maronite
        Maronites
        Copt
        Copts
        Coptic
        Tatar
        Tatars
        Rohingya
        Yazidi
        Yazidis
        Uighur
        Uighurs
        Uyghur
        Uyghurs
        Tibetan
        Tibetans
        Pashtun
        Slavic
        Baltic
        Nordic
        Scandinavian
        Caucasian
        Persian
        Taiwanese
        Hongkongers
        Chechen
        Chechens
        Crimean
        Catalan
        Scottish
        Scot
        Scots
        Welsh
        English
        British
        Briton
        Britons
        Irish
        American
        Americans
        Russian
        Russians
        Chinese
        Ukrainian
        Ukrainians
        Israeli
        Israelis
        Iranian
        Iranians
        Brit
        Brits
        Yankee
        Yankees
        Cossack
        Bolshevik
        Bolsheviks
        Conservative
        Conservatives
        Liberal
        Liberals
        Labourite
        Green
        Greens
        Libertarian
        Libertarians
        Populist
        Populists
        """

    /// Verbs that, after a name, say it belongs to someone who speaks, thinks or judges, but
    /// that do not introduce reported speech: beliefs ("believes", "hopes"), judgements
    /// ("praised", "blamed"), and forms that are too often nouns to be cues ("state",
    /// "remarks", "post"). Together with `reportingVerbs` they are the speech verbs that mark
    /// a person for the recogniser.
    static let otherSpeechVerbs: StaticString = """
        accuses
        blames
        praises
        seeks
        sought
        slammed
        slams
        blasted
        blasts
        ripped
        rips
        lambasted
        lambastes
        derided
        derides
        deemed
        deems
        decried
        decries
        castigated
        excoriated
        chided
        chastised
        scolded
        berated
        labeled
        labelled
        labeling
        labelling
        dubbed
        dubbing
        branded
        branding
        termed
        describing
        calling
        accusing
        praising
        state
        states
        claiming
        insisting
        announcing
        written
        reporting
        post
        remarks
        comments
        counters
        continue
        describe
        describes
        described
        call
        calls
        called
        tout
        touted
        quip
        whisper
        forecast
        believe
        believes
        believed
        think
        thinks
        thought
        hope
        hopes
        hoped
        expect
        expects
        expected
        fear
        fears
        feared
        agree
        agreed
        hail
        hailed
        criticize
        criticized
        criticise
        criticised
        accuse
        accused
        blame
        blamed
        praise
        praised
        welcome
        welcomed
        """

    /// Words that start sentences without being part of a name that follows them.
    static let functionWords: StaticString = """
        the
        a
        an
        and
        but
        or
        nor
        so
        yet
        for
        when
        while
        whilst
        after
        before
        in
        on
        at
        by
        to
        from
        with
        without
        as
        if
        although
        though
        because
        since
        during
        until
        unlike
        like
        despite
        amid
        among
        against
        under
        over
        between
        through
        across
        about
        into
        upon
        then
        now
        also
        still
        even
        only
        just
        meanwhile
        however
        instead
        indeed
        earlier
        later
        already
        again
        once
        perhaps
        maybe
        nonetheless
        nevertheless
        moreover
        furthermore
        thus
        hence
        this
        that
        these
        those
        it
        he
        she
        they
        we
        i
        you
        his
        her
        their
        our
        its
        my
        your
        there
        here
        what
        why
        how
        where
        who
        whom
        whose
        which
        some
        many
        most
        all
        both
        each
        every
        no
        not
        any
        several
        few
        more
        less
        other
        another
        such
        according
        asked
        said
        says
        told
        dear
        yes
        oh
        well
        please
        thank
        thanks
        """

    /// Verbs of communication that introduce reported speech, in all their forms. Verbs of
    /// belief (think, hope, expect) are speech verbs for names but not cues for quotes.
    static let reportingVerbs: StaticString = """
        recommend
        recommends
        recommended
        answer
        answers
        answered
        answering
        questioned
        say
        says
        said
        saying
        tell
        tells
        told
        add
        adds
        added
        note
        notes
        noted
        stated
        argue
        argues
        argued
        claim
        claims
        claimed
        insist
        insists
        insisted
        warn
        warns
        warned
        explain
        explains
        explained
        announce
        announces
        announced
        write
        writes
        wrote
        report
        reports
        reported
        tweet
        tweets
        tweeted
        ask
        asks
        asked
        reply
        replies
        replied
        respond
        responds
        responded
        declare
        declares
        declared
        acknowledge
        acknowledges
        acknowledged
        admit
        admits
        admitted
        confirm
        confirms
        confirmed
        deny
        denies
        denied
        suggest
        suggests
        suggested
        point
        points
        pointed
        stress
        stresses
        stressed
        emphasize
        emphasized
        emphasise
        emphasised
        urge
        urges
        urged
        predict
        predicts
        predicted
        promise
        promises
        promised
        vow
        vows
        vowed
        pledge
        pledges
        pledged
        recall
        recalls
        recalled
        observe
        observes
        observed
        remark
        remarked
        comment
        commented
        mention
        mentions
        mentioned
        contend
        contends
        contended
        maintain
        maintains
        maintained
        assert
        asserts
        asserted
        allege
        alleges
        alleged
        complain
        complains
        complained
        concede
        concedes
        conceded
        counter
        countered
        testify
        testified
        reveal
        reveals
        revealed
        disclose
        disclosed
        indicate
        indicated
        estimate
        estimated
        continued
        joked
        quipped
        shouted
        wrote
        posted
        demand
        demands
        demanded
        boast
        boasts
        boasted
        sing
        sings
        sang
        chanted
        yelled
        screamed
        whispered
        exclaimed
        cried
        pleaded
        retorted
        snapped
        mocked
        teased
        wondered
        mused
        yell
        yells
        shout
        shouts
        scream
        screams
        cries
        whispers
        exclaims
        laments
        lamented
        insists
        quips
        tweeting
        posting
        reads
        concludes
        jokes
        joke
        continues
        muses
        recounts
        writes
        tweets
        texted
        emailed
        messaged
        testifies
        acknowledges
        declaring
        announcing
        insisting
        claiming
        suggesting
        reiterated
        fumed
        interjected
        chided
        chiding
        scoffed
        barked
        affirmed
        affirms
        bragged
        brags
        gushed
        sighed
        murmured
        thundered
        marveled
        marvelled
        griped
        cautioned
        repeated
        recounted
        summed
        concluded
        added
        saying
        telling
        asking
        writing
        adding
        noting
        arguing
        warning
        explaining
        """

    static let months: StaticString = """
        january|1
        february|2
        march|3
        april|4
        may|5
        june|6
        july|7
        august|8
        september|9
        october|10
        november|11
        december|12
        jan|1
        jan.|1
        feb|2
        feb.|2
        mar.|3
        apr|4
        apr.|4
        jun.|6
        jul.|7
        aug|8
        aug.|8
        sep|9
        sep.|9
        sept|9
        sept.|9
        oct|10
        oct.|10
        nov|11
        nov.|11
        dec|12
        dec.|12
        """

    /// Weekdays, Monday = 1, as ISO 8601 numbers them.
    static let weekdays: StaticString = """
        monday|1
        tuesday|2
        wednesday|3
        thursday|4
        friday|5
        saturday|6
        sunday|7
        mon.|1
        tue.|2
        tues.|2
        wed.|3
        thu.|4
        thur.|4
        thurs.|4
        fri.|5
        sat.|6
        sun.|7
        """

    static let seasons: StaticString = """
        spring|3
        summer|6
        autumn|9
        fall|9
        winter|12
        """

    /// Cardinal number words and their values.
    static let numberWords: StaticString = """
        one|1
        two|2
        three|3
        four|4
        five|5
        six|6
        seven|7
        eight|8
        nine|9
        ten|10
        eleven|11
        twelve|12
        thirteen|13
        fourteen|14
        fifteen|15
        sixteen|16
        seventeen|17
        eighteen|18
        nineteen|19
        twenty|20
        thirty|30
        forty|40
        fifty|50
        sixty|60
        seventy|70
        eighty|80
        ninety|90
        hundred|100
        hundreds|100
        thousand|1000
        thousands|1000
        million|1000000
        millions|1000000
        billion|1000000000
        billions|1000000000
        trillion|1000000000000
        dozen|12
        dozens|12
        """

    static let ordinalWords: StaticString = """
        first
        second
        third
        fourth
        fifth
        sixth
        seventh
        eighth
        ninth
        tenth
        eleventh
        twelfth
        twentieth
        thirtieth
        fiftieth
        hundredth
        last
        """

    /// Currency names that make a preceding number MONEY.
    static let currencyWords: StaticString = """
        dollar
        dollars
        euro
        euros
        pound
        pounds
        sterling
        yen
        yuan
        renminbi
        ruble
        rubles
        rouble
        roubles
        rupee
        rupees
        franc
        francs
        peso
        pesos
        won
        dinar
        dinars
        dirham
        dirhams
        riyal
        riyals
        shekel
        shekels
        lira
        real
        reais
        rand
        krona
        kronor
        krone
        kroner
        zloty
        hryvnia
        hryvnias
        bitcoin
        bitcoins
        cents
        cent
        marks
        mark
        guilders
        lire
        pesetas
        escudos
        schillings
        drachmas
        """

    /// Units that make a preceding number a QUANTITY.
    static let units: StaticString = """
        km
        kilometer
        kilometers
        kilometre
        kilometres
        mile
        miles
        meter
        meters
        metre
        metres
        feet
        foot
        inch
        inches
        yard
        yards
        tonne
        tonnes
        ton
        tons
        kg
        kilogram
        kilograms
        gram
        grams
        lb
        lbs
        ounce
        ounces
        barrel
        barrels
        acre
        acres
        hectare
        hectares
        liter
        liters
        litre
        litres
        gallon
        gallons
        degree
        degrees
        mph
        kph
        megawatt
        megawatts
        gigawatt
        gigawatts
        mw
        gw
        kwh
        bpd
        cubic
        square
        sq
        """
}
