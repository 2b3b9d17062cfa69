# ruff: noqa: E501
"""The demo's own texts in nynorsk, for «styring demo --målform nynorsk» (generator/demo/nynorsk.py).

Bokmål text in the demo modules → the same text in nynorsk (2012 rettskriving). The product's
own words (standard texts, e-mail defaults) come from the catalogue (generator/texts.py).
"""

NYNORSK: dict[str, str] = {
    'Fjellvik kommune':
        'Fjordvik kommune',
    'Fjellvik – rom for alle mellom fjell og fjord':
        'Fjordvik – rom for alle mellom fjell og fjord',
    'Fjellvik':
        'Fjordvik',
    'Oppdragsbrevet for 2026 samler det kommunedirektøren ber lederne i Fjellvik kommune om å prioritere i året som kommer. Det bygger på budsjettet og handlings- og økonomiplanen som kommunestyret vedtok i desember, og på kommuneplanens samfunnsdel.\n\nBrevet beskriver hvordan vi styrer, følger opp og rapporterer, og gir ni oppdrag som går på tvers av tjenesteområdene. Hvert oppdrag har hovedansvarlige (HA) og delansvarlige (DA): en enhet, en leder, en rolle eller en gruppe av ledere. Oppdragene følges opp i styringsdialogen og i tertialrapportene til kommunestyret.\n\nLederavtalene er knyttet direkte til oppdragsbrevet. I avtalen blir hver leder og nærmeste overordnede enige om hvilke bidrag som er viktigst, og hvordan lederen selv skal utvikle seg i løpet av året.':
        'Oppdragsbrevet for 2026 samlar det kommunedirektøren ber leiarane i Fjordvik kommune om å prioritere i året som kjem. Det byggjer på budsjettet og handlings- og økonomiplanen som kommunestyret vedtok i desember, og på samfunnsdelen i kommuneplanen.\n\nBrevet skildrar korleis vi styrer, følgjer opp og rapporterer, og gir ni oppdrag som går på tvers av tenesteområda. Kvart oppdrag har hovudansvarlege (HA) og delansvarlege (DA): ei eining, ein leiar, ei rolle eller ei gruppe av leiarar. Oppdraga blir følgde opp i styringsdialogen og i tertialrapportane til kommunestyret.\n\nLeiaravtalane er knytte direkte til oppdragsbrevet. I avtalen blir kvar leiar og nærmaste overordna samde om kva bidrag som er viktigast, og korleis leiaren sjølv skal utvikle seg i løpet av året.',
    'Fjellvik står sterkt på mange områder. Vi har engasjerte medarbeidere, et aktivt frivillig liv og et næringsliv som tror på framtiden. Samtidig blir vi flere eldre og færre i yrkesaktiv alder, og det merkes allerede i rekrutteringen til helse og omsorg og i budsjettene. 2026 blir et år der vi må gjøre kloke valg og stå sammen om dem.\n\nBudsjettet for 2026 ble vedtatt med et lite positivt driftsresultat, men marginene er små. Vi må derfor ha god kostnadskontroll hele året, samtidig som vi utvikler tjenestene. Vi skal ikke kutte likt overalt; vi skal finne ut hvor innsatsen gir mest igjen, og tørre å prioritere.\n\nTakk til alle ledere og medarbeidere for innsatsen så langt. Oppdragsbrevet er min bestilling til dere, men det er også et løfte: Dere skal få tydelig retning, god støtte og rom til å bruke kompetansen deres.':
        'Fjordvik står sterkt på mange område. Vi har engasjerte medarbeidarar, eit aktivt frivillig liv og eit næringsliv som trur på framtida. Samtidig blir vi fleire eldre og færre i yrkesaktiv alder, og det merkar vi alt i rekrutteringa til helse og omsorg og i budsjetta. 2026 blir eit år der vi må gjere kloke val og stå saman om dei.\n\nBudsjettet for 2026 vart vedteke med eit lite positivt driftsresultat, men marginane er små. Vi må difor ha god kostnadskontroll heile året, samtidig som vi utviklar tenestene. Vi skal ikkje kutte likt overalt; vi skal finne ut kvar innsatsen gir mest att, og våge å prioritere.\n\nTakk til alle leiarar og medarbeidarar for innsatsen så langt. Oppdragsbrevet er bestillinga mi til dykk, men det er òg ein lovnad: De skal få tydeleg retning, god støtte og rom til å bruke kompetansen dykkar.',
    'Virksomhetsstyringen i Fjellvik kommune bygger på plansystemet. Kommuneplanens samfunnsdel gir retning, handlings- og økonomiplanen med årsbudsjett fordeler ressursene, og virksomhetsplanene viser hvordan enhetene skal nå målene. Vi bruker balansert målstyring (BMS) med fire perspektiver – samfunn, tjenester, medarbeidere og økonomi – slik at resultatene kan ses i sammenheng.\n\nInternkontrollen skal være systematisk og risikobasert, jf. kommuneloven kapittel 25. Hver leder har ansvar for internkontrollen i egen enhet: kjenne risikoene, ha rutiner som virker, melde og følge opp avvik og lære av hendelser. Kommunedirektøren følger opp gjennom ledelsens gjennomgang og risikovurderingene i tertialrapportene.\n\nØkonomistyringen skjer gjennom månedlig rapportering fra enhetene og tertialrapporter til kommunestyret. Et prognoseavvik på mer enn 5 prosent skal forklares, og lederen skal samtidig legge fram tiltak som bringer driften tilbake i balanse.':
        'Verksemdsstyringa i Fjordvik kommune byggjer på plansystemet. Samfunnsdelen i kommuneplanen gir retning, handlings- og økonomiplanen med årsbudsjett fordeler ressursane, og verksemdsplanane viser korleis einingane skal nå måla. Vi bruker balansert målstyring (BMS) med fire perspektiv – samfunn, tenester, medarbeidarar og økonomi – slik at resultata kan sjåast i samanheng.\n\nInternkontrollen skal vere systematisk og risikobasert, jf. kommunelova kapittel 25. Kvar leiar har ansvar for internkontrollen i eiga eining: kjenne risikoane, ha rutinar som verkar, melde og følgje opp avvik og lære av hendingar. Kommunedirektøren følgjer opp gjennom gjennomgangen til leiinga og risikovurderingane i tertialrapportane.\n\nØkonomistyringa skjer gjennom månadleg rapportering frå einingane og tertialrapportar til kommunestyret. Eit prognoseavvik på meir enn 5 prosent skal forklarast, og leiaren skal samtidig leggje fram tiltak som bringar drifta tilbake i balanse.',
    'Lederavtalen inngås mellom den enkelte leder og nærmeste overordnede leder. Den knytter oppdragene i dette brevet til lederens eget ansvarsområde og beskriver hvordan lederen skal utvikle seg i tråd med lederplattformen.\n\nDen første samtalen holdes i perioden januar–mars, og minst én oppfølgingssamtale holdes om høsten. Personlige utviklingsmål er som hovedregel unntatt offentlighet, med mindre lederen selv ønsker noe annet.':
        'Leiaravtalen blir inngått mellom den einskilde leiaren og nærmaste overordna leiar. Han knyter oppdraga i dette brevet til ansvarsområdet til leiaren og skildrar korleis leiaren skal utvikle seg i tråd med leiarplattforma.\n\nDen første samtalen blir halden i perioden januar–mars, og minst éin oppfølgingssamtale blir halden om hausten. Personlege utviklingsmål er som hovudregel unnatekne offentlegheit, med mindre leiaren sjølv ønskjer noko anna.',
    'Alle vedtak i kommunestyret og utvalgene registreres i vedtaksoppfølgingen med ansvarlig enhet og frist. Enhetslederne rapporterer status månedlig til sin kommunalsjef, og kommunestyret får en samlet vedtakslogg sammen med tertialrapportene.\n\nNår et vedtak krever en utredning som det ikke er satt av ressurser til, ber kommunedirektøren om politisk avklaring før arbeidet starter. Slik unngår vi at utredninger fortrenger den ordinære driften.':
        'Alle vedtak i kommunestyret og utvala blir registrerte i vedtaksoppfølginga med ansvarleg eining og frist. Einingsleiarane rapporterer status månadleg til kommunalsjefen sin, og kommunestyret får ein samla vedtakslogg saman med tertialrapportane.\n\nNår eit vedtak krev ei utgreiing som det ikkje er sett av ressursar til, ber kommunedirektøren om politisk avklaring før arbeidet startar. Slik unngår vi at utgreiingar fortrengjer den ordinære drifta.',
    'Kommunekompasset gir oss et ærlig bilde av hvordan vi driver kommunen i dag. Evalueringen i 2025 viser at Fjellvik gjør mye godt, særlig i samarbeidet med næringsliv og frivillighet, men at vi har et stykke igjen når det gjelder styring, kvalitetsarbeid og brukerorientering.\n\nDenne utviklingsstrategien er vårt svar. Den er kort med vilje: tre delstrategier som vi skal klare å gjennomføre i perioden 2026–2028, heller enn mange tiltak som ingen rekker å følge opp.':
        'Kommunekompasset gir oss eit ærleg bilete av korleis vi driv kommunen i dag. Evalueringa i 2025 viser at Fjordvik gjer mykje godt, særleg i samarbeidet med næringsliv og frivilligheit, men at vi har eit stykke att når det gjeld styring, kvalitetsarbeid og brukarorientering.\n\nDenne utviklingsstrategien er svaret vårt. Han er kort med vilje: tre delstrategiar som vi skal klare å gjennomføre i perioden 2026–2028, heller enn mange tiltak som ingen rekk å følgje opp.',
    'Fjellvik kommune fikk evaluert sin forvaltningspraksis med Kommunekompasset høsten 2025. Evaluatorene gikk gjennom plandokumenter og rutiner og intervjuet folkevalgte, ledere, tillitsvalgte og medarbeidere.\n\nSamlet fikk kommunen 380 av 800 mulige poeng. Det er litt over landsgjennomsnittet og omtrent på nivå med andre kommuner med 5 000–10 000 innbyggere. Resultatet varierer mye mellom områdene, og strategien retter seg mot de svakeste.':
        'Fjordvik kommune fekk evaluert forvaltningspraksisen sin med Kommunekompasset hausten 2025. Evaluatorane gjekk gjennom plandokument og rutinar og intervjua folkevalde, leiarar, tillitsvalde og medarbeidarar.\n\nSamla fekk kommunen 380 av 800 moglege poeng. Det er litt over landsgjennomsnittet og omtrent på nivå med andre kommunar med 5 000–10 000 innbyggjarar. Resultatet varierer mykje mellom områda, og strategien rettar seg mot dei svakaste.',
    'Kommunekompasset beskriver en idealkommune som arbeider systematisk, ser helheten, legger vekt på resultater og brukere og lærer av egen praksis. Evalueringen måler hvor nær kommunen er dette idealet på åtte områder med inntil 100 poeng hver.\n\nHvert område består av delspørsmål med egne maksimalpoeng. Poengene settes ut fra dokumentasjon og intervjuer, ikke ut fra egenvurdering. En kommune som arbeider normalt godt med utvikling, havner gjerne mellom 360 og 380 poeng. Resultatet sammenlignes med landsgjennomsnittet og med snittet i samme størrelsesgruppe.':
        'Kommunekompasset skildrar ein idealkommune som arbeider systematisk, ser heilskapen, legg vekt på resultat og brukarar og lærer av eigen praksis. Evalueringa måler kor nær kommunen er dette idealet på åtte område med inntil 100 poeng kvar.\n\nKvart område består av delspørsmål med eigne maksimalpoeng. Poenga blir sette ut frå dokumentasjon og intervju, ikkje ut frå eigenvurdering. Ein kommune som arbeider normalt godt med utvikling, hamnar gjerne mellom 360 og 380 poeng. Resultatet blir samanlikna med landsgjennomsnittet og med snittet i same storleiksgruppe.',
    'Delstrategiene omsettes til konkrete oppdrag i kommunedirektørens årlige oppdragsbrev og følges opp i lederavtalene. Kommunedirektørens ledergruppe (KLG) går gjennom status hvert tertial, og kommunestyret orienteres i tertialrapportene.\n\nEn ny evaluering med Kommunekompasset er planlagt i 2028. Da skal vi kunne se om innsatsen har gitt resultater, og strategien revideres på grunnlag av den nye evalueringen.':
        'Delstrategiane blir omsette til konkrete oppdrag i det årlege oppdragsbrevet frå kommunedirektøren og følgde opp i leiaravtalane. Leiargruppa til kommunedirektøren (KLG) går gjennom status kvart tertial, og kommunestyret blir orientert i tertialrapportane.\n\nEi ny evaluering med Kommunekompasset er planlagd i 2028. Då skal vi kunne sjå om innsatsen har gitt resultat, og strategien blir revidert på grunnlag av den nye evalueringa.',
    'Holde driften innenfor vedtatte rammer og nå et netto driftsresultat på minst 1,75 prosent.':
        'Halde drifta innanfor vedtekne rammer og nå eit netto driftsresultat på minst 1,75 prosent.',
    'Følge opp kommuneplanens samfunnsdel gjennom tiltakene i handlings- og økonomiplanen.':
        'Følgje opp samfunnsdelen i kommuneplanen gjennom tiltaka i handlings- og økonomiplanen.',
    'Styrke den risikobaserte internkontrollen og en åpen kultur for å melde og lære av avvik.':
        'Styrkje den risikobaserte internkontrollen og ein open kultur for å melde og lære av avvik.',
    'Rekruttere og beholde fagfolk, med særlig vekt på helse og omsorg og heltidskultur.':
        'Rekruttere og halde på fagfolk, med særleg vekt på helse og omsorg og heiltidskultur.',
    'Ta i bruk digitale løsninger som gir målbare gevinster for innbyggere og medarbeidere.':
        'Ta i bruk digitale løysingar som gir målbare vinstar for innbyggjarar og medarbeidarar.',
    'Samhandle på tvers av enheter og gi innbyggerne en enklere vei inn til kommunen.':
        'Samhandle på tvers av einingar og gi innbyggjarane ein enklare veg inn til kommunen.',
    'Kommunedirektørens ledergruppe':
        'Leiargruppa til kommunedirektøren',
    'Kommunedirektørens utvidede ledergruppe':
        'Den utvida leiargruppa til kommunedirektøren',
    'Hovedansvar for et oppdrag':
        'Hovudansvar for eit oppdrag',
    'Delansvar for et oppdrag':
        'Delansvar for eit oppdrag',
    'Helse, miljø og sikkerhet':
        'Helse, miljø og tryggleik',
    'Risiko- og sårbarhetsanalyse':
        'Risiko- og sårbarheitsanalyse',
    'Risikofaktor (sannsynlighet × konsekvens)':
        'Risikofaktor (sannsyn × konsekvens)',
    'Økonomi og virksomhetsstyring':
        'Økonomi og verksemdsstyring',
    'Fjellvik skole':
        'Fjordvik skule',
    'Nordbotn skole':
        'Nordbotn skule',
    'Fjellvik barnehager':
        'Fjordvik barnehagar',
    'Voksenopplæring og integrering':
        'Vaksenopplæring og integrering',
    'Fjellvik sykehjem':
        'Fjordvik sjukeheim',
    'Hjemmetjenesten':
        'Heimetenesta',
    'Bo- og aktivitetstjenester':
        'Bu- og aktivitetstenester',
    'Fjellvik legekontor':
        'Fjordvik legekontor',
    'NAV Fjellvik (kommunal del)':
        'NAV Fjordvik (kommunal del)',
    'Drift & vedlikehold':
        'Drift & vedlikehald',
    'Teknisk drift & vedlikehold':
        'Teknisk drift & vedlikehald',
    'Vann og avløp':
        'Vatn og avløp',
    'Eiendom':
        'Eigedom',
    'Plan, byggesak og næring':
        'Plan, byggjesak og næring',
    'Kultur og frivillighet':
        'Kultur og frivilligheit',
    'Lederavtaler: mal, tidsplan og forventninger':
        'Leiaravtalar: mal, tidsplan og forventningar',
    'Kommunekompasset 2025: resultater og veien videre':
        'Kommunekompasset 2025: resultat og vegen vidare',
    'Sykefravær 4. kvartal 2025':
        'Sjukefråvær 4. kvartal 2025',
    'Risikobasert internkontroll: ROS-analyser i enhetene':
        'Risikobasert internkontroll: ROS-analysar i einingane',
    'Heltidskultur: erfaringer fra turnusprosjektet':
        'Heiltidskultur: erfaringar frå turnusprosjektet',
    'Etisk refleksjon i ledergruppen':
        'Etisk refleksjon i leiargruppa',
    'Digitaliseringsplan & gevinstkart':
        'Digitaliseringsplan & vinstkart',
    'Forberedelse av 1. tertialrapport':
        'Førebuing av 1. tertialrapport',
    'Lederplattformen i praksis':
        'Leiarplattforma i praksis',
    'Føringer for handlings- og økonomiplan 2027–2030':
        'Føringar for handlings- og økonomiplan 2027–2030',
    'Halvårsstatus for oppdragene':
        'Halvårsstatus for oppdraga',
    'Administrativ budsjettsamling II: tiltak og prioriteringer':
        'Administrativ budsjettsamling II: tiltak og prioriteringar',
    'Høstsamtalene i lederavtalene':
        'Haustsamtalane i leiaravtalane',
    'Nærværsarbeid etter sommeren':
        'Nærværsarbeid etter sommaren',
    'Kommunedirektørens budsjettforslag for 2027':
        'Budsjettframlegget frå kommunedirektøren for 2027',
    'Annenhver uke':
        'Annakvar veke',
    'Kommunedirektør, kommunalsjefer, økonomisjef og HR-sjef':
        'Kommunedirektør, kommunalsjefar, økonomisjef og HR-sjef',
    'Månedlig økonomirapport, sykefravær, avvik og saker til politisk behandling':
        'Månadleg økonomirapport, sjukefråvær, avvik og saker til politisk handsaming',
    'KLG, digitaliseringsleder og leder servicetorg':
        'KLG, digitaliseringsleiar og leiar for servicetorget',
    'Oppfølging av kommuneplanen, utviklingsstrategien og oppdragene i oppdragsbrevet':
        'Oppfølging av kommuneplanen, utviklingsstrategien og oppdraga i oppdragsbrevet',
    '8–10 ganger i året':
        '8–10 gonger i året',
    'Alle ledere med personalansvar; HTV og HVO inviteres':
        'Alle leiarar med personalansvar; HTV og HVO blir inviterte',
    'Temaene i årshjulet, felles prioriteringer og erfaringsdeling':
        'Temaa i årshjulet, felles prioriteringar og erfaringsdeling',
    'Tjenesteområdedialog':
        'Tenesteområdedialog',
    'Hvert tertial':
        'Kvart tertial',
    'Kommunalsjef og enhetsledere i tjenesteområdet':
        'Kommunalsjef og einingsleiarar i tenesteområdet',
    'Måloppnåelse, økonomi mot budsjett, nærvær, overtid & avvik per enhet':
        'Måloppnåing, økonomi mot budsjett, nærvær, overtid & avvik per eining',
    'To ganger i året og ved årsmelding':
        'To gonger i året og ved årsmelding',
    'Økonomi per rammeområde, mål i BMS, status for oppdrag og risikoer':
        'Økonomi per rammeområde, mål i BMS, status for oppdrag og risikoar',
    'Levende lokalsamfunn':
        'Levande lokalsamfunn',
    'Fjellvik skal ha befolkningsvekst':
        'Fjordvik skal ha folkevekst',
    '≥ 40 personer':
        '≥ 40 personar',
    'Flere unge i arbeid eller utdanning':
        'Fleire unge i arbeid eller utdanning',
    'Andel 16–25 år utenfor arbeid, utdanning og opplæring':
        'Del 16–25 år utanfor arbeid, utdanning og opplæring',
    'Grønn omstilling':
        'Grøn omstilling',
    'Lavere klimagassutslipp fra kommunal drift':
        'Lågare klimagassutslepp frå kommunal drift',
    'Utslipp fra kommunale bygg og kjøretøy sammenlignet med 2024':
        'Utslepp frå kommunale bygg og køyretøy samanlikna med 2024',
    'Gode tjenester nær innbyggeren':
        'Gode tenester nær innbyggjaren',
    'Brukerne av hjemmetjenesten er fornøyde':
        'Brukarane av heimetenesta er nøgde',
    'Andel brukere som svarer > 4 på en skala fra 1 til 6':
        'Del brukarar som svarer > 4 på ein skala frå 1 til 6',
    '> 90 % fornøyde':
        '> 90 % nøgde',
    'Elevene trives på skolen':
        'Elevane trivst på skulen',
    'Andel elever på 7. og 10. trinn som trives godt (Elevundersøkelsen)':
        'Del elevar på 7. og 10. trinn som trivst godt (Elevundersøkinga)',
    'Enklere kontakt med kommunen':
        'Enklare kontakt med kommunen',
    'Digitalt førstevalg i møte med innbyggerne':
        'Digitalt førsteval i møte med innbyggjarane',
    'Andel søknader og henvendelser som kommer inn digitalt':
        'Del søknader og førespurnader som kjem inn digitalt',
    'Attraktiv arbeidsgiver':
        'Attraktiv arbeidsgivar',
    'Høyere nærvær':
        'Høgare nærvær',
    'Samlet sykefravær (legemeldt og egenmeldt)':
        'Samla sjukefråvær (legemeldt og eigenmeldt)',
    'Flere hele stillinger i turnus':
        'Fleire heile stillingar i turnus',
    'Gjennomsnittlig stillingsstørrelse i turnus':
        'Gjennomsnittleg stillingsstorleik i turnus',
    'Ledelse og kompetanse':
        'Leiing og kompetanse',
    'Alle ledere følges opp gjennom lederavtale':
        'Alle leiarar blir følgde opp gjennom leiaravtale',
    'Andel ledere med inngått lederavtale og gjennomført høstsamtale':
        'Del leiarar med inngått leiaravtale og gjennomført haustsamtale',
    'Driften holdes innenfor rammene':
        'Drifta blir halden innanfor rammene',
    'Antall rammeområder med prognoseavvik over 5 %':
        'Talet på rammeområde med prognoseavvik over 5 %',
    'Forsvarlig gjeldsnivå':
        'Forsvarleg gjeldsnivå',
    'Følge opp kommuneplanens handlingsdel':
        'Følgje opp handlingsdelen i kommuneplanen',
    'Omsette satsingsområdene i samfunnsdelen til tiltak i virksomhetsplanene':
        'Omsetje satsingsområda i samfunnsdelen til tiltak i verksemdsplanane',
    'Rapportere framdrift på tiltakene hvert tertial':
        'Rapportere framdrift på tiltaka kvart tertial',
    'Forberede rulleringen av handlingsdelen i HØP 2027–2030':
        'Førebu rulleringa av handlingsdelen i HØP 2027–2030',
    'Enhetsledere':
        'Einingsleiarar',
    'Helhetlig virksomhetsstyring':
        'Heilskapleg verksemdsstyring',
    'Etablere én felles målstruktur fra samfunnsdel til enhet':
        'Etablere éin felles målstruktur frå samfunnsdel til eining',
    'Bruke styringsdata for økonomi, nærvær og kvalitet i alle ledermøter':
        'Bruke styringsdata for økonomi, nærvær og kvalitet i alle leiarmøte',
    'Forenkle den månedlige rapporteringen':
        'Forenkle den månadlege rapporteringa',
    'Gjennomføre ROS-analyse i alle enheter innen 1. juni':
        'Gjennomføre ROS-analyse i alle einingar innan 1. juni',
    'Innføre felles rutine for melding, behandling og læring av avvik':
        'Innføre felles rutine for melding, handsaming og læring av avvik',
    'Holde ledelsens gjennomgang i KLG to ganger i året':
        'Halde gjennomgangen til leiinga i KLG to gonger i året',
    'Digitalisering med målbare gevinster':
        'Digitalisering med målbare vinstar',
    'Lage gevinstkart for alle digitaliseringsprosjekter':
        'Lage vinstkart for alle digitaliseringsprosjekt',
    'Innføre selvbetjening og digital dialog på kommunens nettsider':
        'Innføre sjølvbetening og digital dialog på nettsidene til kommunen',
    'Ta i bruk velferdsteknologi i hjemmetjenesten':
        'Ta i bruk velferdsteknologi i heimetenesta',
    'Styrke informasjonssikkerheten gjennom opplæring av alle ansatte':
        'Styrkje informasjonstryggleiken gjennom opplæring av alle tilsette',
    'Rekruttere målrettet til sykepleier-, lærer- og barnehagelærerstillinger':
        'Rekruttere målretta til sjukepleiar-, lærar- og barnehagelærarstillingar',
    'Samarbeide med videregående skole og høgskole om lærlinger og praksis':
        'Samarbeide med vidaregåande skule og høgskule om lærlingar og praksis',
    'Heltidskultur og nærvær':
        'Heiltidskultur og nærvær',
    'Innføre ny turnusmodell med flere hele stillinger':
        'Innføre ny turnusmodell med fleire heile stillingar',
    'Følge opp sykefraværet tett sammen med NAV arbeidslivssenter':
        'Følgje opp sjukefråværet tett saman med NAV arbeidslivssenter',
    'Redusere bruken av overtid og innleie':
        'Redusere bruken av overtid og innleige',
    'Alle ledere':
        'Alle leiarar',
    'Innbyggerdialog og medvirkning':
        'Innbyggjardialog og medverknad',
    'Lage en enkel veileder for medvirkning i planer og tjenester':
        'Lage ein enkel rettleiar for medverknad i planar og tenester',
    'Gjennomføre en innbyggerundersøkelse høsten 2026':
        'Gjennomføre ei innbyggjarundersøking hausten 2026',
    'Utarbeide frivillighetsstrategi sammen med lag og foreninger':
        'Utarbeide frivilligheitsstrategi saman med lag og foreiningar',
    'Leder KULT':
        'Leiar KULT',
    'Tjenestegjennomgang i oppvekst':
        'Tenestegjennomgang i oppvekst',
    'Utrede framtidig skole- og barnehagestruktur ut fra befolkningsframskrivinger':
        'Greie ut framtidig skule- og barnehagestruktur ut frå framskrivingar av folketalet',
    'Vurdere felles bruk av spesialpedagogiske ressurser':
        'Vurdere felles bruk av spesialpedagogiske ressursar',
    'Legge fram sak for kommunestyret før budsjettbehandlingen':
        'Leggje fram sak for kommunestyret før budsjetthandsaminga',
    'Enhetsledere FSK og NSK':
        'Einingsleiarar FSK og NSK',
    'Vedlikehold & klimatilpasning':
        'Vedlikehald & klimatilpassing',
    'Lage vedlikeholdsplan for kommunale bygg med prioriterte tiltak':
        'Lage vedlikehaldsplan for kommunale bygg med prioriterte tiltak',
    'Kartlegge overvann og flomfare i sentrum':
        'Kartleggje overvatn og flaumfare i sentrum',
    'Innarbeide tiltakene i investeringsbudsjettet for 2027':
        'Arbeide tiltaka inn i investeringsbudsjettet for 2027',
    '14 personer':
        '14 personar',
    'Lavere innflytting enn i fjor; nye tomter i Nordbotn i mai.':
        'Lågare innflytting enn i fjor; nye tomter i Nordbotn i mai.',
    '31 personer':
        '31 personar',
    'Tomtesalget i Nordbotn har gitt god effekt.':
        'Tomtesalet i Nordbotn har gitt god effekt.',
    'Ny ungdomsveileder i NAV fra mars.':
        'Ny ungdomsrettleiar i NAV frå mars.',
    'Tett oppfølging av unge gir resultater.':
        'Tett oppfølging av unge gir resultat.',
    'Tre elbiler levert; energitiltak på rådhuset fra juni.':
        'Tre elbilar leverte; energitiltak på rådhuset frå juni.',
    'Energisparing på skolene er forsinket av leveranser.':
        'Energisparinga på skulane er forseinka av leveransar.',
    '88 % fornøyde':
        '88 % nøgde',
    'Brukerne savner faste pleiere.':
        'Brukarane saknar faste pleiarar.',
    '91 % fornøyde':
        '91 % nøgde',
    'Faste team i sone nord gir bedre kontinuitet.':
        'Faste team i sone nord gir betre kontinuitet.',
    'Tall fra Elevundersøkelsen høsten 2025.':
        'Tal frå Elevundersøkinga hausten 2025.',
    'Ny måling i desember; trivselstiltak pågår.':
        'Ny måling i desember; trivselstiltak er i gang.',
    'Nye digitale skjemaer for byggesak tatt i bruk.':
        'Nye digitale skjema for byggjesak er tekne i bruk.',
    'Digital søknad om helsetjenester lanseres i oktober.':
        'Digital søknad om helsetenester blir lansert i oktober.',
    'Høyt fravær i turnusenhetene i januar og februar.':
        'Høgt fråvær i turnuseiningane i januar og februar.',
    'Nedgang, men fortsatt over målet.':
        'Nedgang, men framleis over målet.',
    'Ny turnusmodell på sykehjemmet innføres fra august.':
        'Ny turnusmodell på sjukeheimen blir innført frå august.',
    'Effekten av ny turnus måles ved årsslutt.':
        'Effekten av ny turnus blir målt ved årsslutt.',
    'Én avtale er utsatt på grunn av permisjon.':
        'Éin avtale er utsett på grunn av permisjon.',
    'Alle avtaler inngått; høstsamtalene avsluttes i oktober.':
        'Alle avtalar er inngåtte; haustsamtalane blir avslutta i oktober.',
    'Merforbruk i helse og omsorg trekker ned.':
        'Meirforbruk i helse og omsorg trekkjer ned.',
    'Ressurskrevende tjenester og sosialhjelp øker.':
        'Ressurskrevjande tenester og sosialhjelp aukar.',
    'NAV sosial ligger over terskelen.':
        'NAV sosial ligg over terskelen.',
    '3 områder':
        '3 område',
    'Låneopptaket er utsatt til høsten.':
        'Låneopptaket er utsett til hausten.',
    'Innenfor måltallet.':
        'Innanfor måltalet.',
    'Alle tjenesteområder har lagt tiltakene inn i virksomhetsplanene.':
        'Alle tenesteområda har lagt tiltaka inn i verksemdsplanane.',
    'Framdriftsrapport levert; rulleringen er startet.':
        'Framdriftsrapport levert; rulleringa er starta.',
    'Målstrukturen er på høring i KLG.':
        'Målstrukturen er på høyring i KLG.',
    'Målstrukturen er vedtatt og tatt i bruk i tertialrapporten.':
        'Målstrukturen er vedteken og teken i bruk i tertialrapporten.',
    'ROS-analyser levert fra 18 av 25 enheter.':
        'ROS-analysar leverte frå 18 av 25 einingar.',
    'Alle enheter har levert ROS; ny avviksrutine er innført.':
        'Alle einingar har levert ROS; ny avviksrutine er innført.',
    'Gevinstkart laget for fem prosjekter.':
        'Vinstkart laga for fem prosjekt.',
    'Velferdsteknologi forsinket på grunn av leverandørbytte.':
        'Velferdsteknologi forseinka på grunn av leverandørbyte.',
    'Kartlegging av kompetansebehov pågår.':
        'Kartlegging av kompetansebehov er i gang.',
    'Utkast til kompetanseplan behandles i AMU i oktober.':
        'Utkast til kompetanseplan blir handsama i AMU i oktober.',
    'Overtid og innleie er høyere enn i fjor.':
        'Overtid og innleige er høgare enn i fjor.',
    'Ny turnus innført på sykehjemmet; effekt måles i desember.':
        'Ny turnus innført på sjukeheimen; effekten blir målt i desember.',
    'Veileder for medvirkning er under arbeid.':
        'Rettleiar for medverknad er under arbeid.',
    'Veilederen er ferdig; innbyggerundersøkelsen sendes ut i oktober.':
        'Rettleiaren er ferdig; innbyggjarundersøkinga blir send ut i oktober.',
    'Prosjektgruppe etablert med tillitsvalgte og foreldre.':
        'Prosjektgruppe etablert med tillitsvalde og foreldre.',
    'Saken er utsatt til november etter ønske fra formannskapet.':
        'Saka er utsett til november etter ønske frå formannskapet.',
    'Overvannskartleggingen er forsinket, fristen holdes ikke.':
        'Overvasskartlegginga er forseinka, fristen blir ikkje halden.',
    'Skatter og rammetilskudd':
        'Skattar og rammetilskot',
    'Kirke og trossamfunn':
        'Kyrkje og trussamfunn',
    'Rapporten for 1. tertial 2026 viser status per 30. april for økonomi, mål og oppdrag. Driften er i hovedsak under kontroll, men helse og omsorg og NAV sosial har et merforbruk som må følges tett resten av året.\n\nSykefraværet var høyt i januar og februar, særlig i de store turnusenhetene. Antallet avviksmeldinger øker, noe vi tolker som tegn på en bedre meldekultur etter opplæringen i vinter.':
        'Rapporten for 1. tertial 2026 viser status per 30. april for økonomi, mål og oppdrag. Drifta er i hovudsak under kontroll, men helse og omsorg og NAV sosial har eit meirforbruk som må følgjast tett resten av året.\n\nSjukefråværet var høgt i januar og februar, særleg i dei store turnuseiningane. Talet på avviksmeldingar aukar, noko vi tolkar som teikn på ein betre meldekultur etter opplæringa i vinter.',
    'Lønnsoppgjøret er ikke avklart, og budsjettet har en lønnsreserve beregnet ut fra en ramme på 4,2 prosent. Skatteinngangen er litt høyere enn forutsatt. To nye brukere med omfattende tjenestebehov har kommet til etter budsjettvedtaket.':
        'Lønsoppgjeret er ikkje avklart, og budsjettet har ein lønsreserve rekna ut frå ei ramme på 4,2 prosent. Skatteinngangen er litt høgare enn føresett. To nye brukarar med omfattande tenestebehov har kome til etter budsjettvedtaket.',
    'Rapporten for 1. tertial 2026 tas til orientering.':
        'Rapporten for 1. tertial 2026 blir teken til orientering.',
    'Kommunedirektøren legger fram en tiltaksplan for balanse i helse og omsorg i juni.':
        'Kommunedirektøren legg fram ein tiltaksplan for balanse i helse og omsorg i juni.',
    'Rapporten for 2. tertial viser status per 31. august. Prognosen for året er svakere enn ved 1. tertial, og netto driftsresultat ventes å bli 0,7 prosent av driftsinntektene, under målet på 1,75 prosent.\n\nTre rammeområder har prognoseavvik over terskelen på 5 prosent: Helse og omsorg og NAV sosial ligger an til merforbruk, mens plan og næring får mindreforbruk fordi gebyrinntektene er høyere enn budsjettert. Nærværet har bedret seg siden vinteren.':
        'Rapporten for 2. tertial viser status per 31. august. Prognosen for året er svakare enn ved 1. tertial, og netto driftsresultat er venta å bli 0,7 prosent av driftsinntektene, under målet på 1,75 prosent.\n\nTre rammeområde har prognoseavvik over terskelen på 5 prosent: Helse og omsorg og NAV sosial ligg an til meirforbruk, medan plan og næring får mindreforbruk fordi gebyrinntektene er høgare enn budsjettert. Nærværet har betra seg sidan vinteren.',
    'Revidert nasjonalbudsjett ga 6,5 millioner kroner mer i skatt og rammetilskudd. Lønnsoppgjøret er fordelt fra lønnsreserven under finans til rammeområdene. Byggestart for omsorgsboligene er utsatt til oktober.':
        'Revidert nasjonalbudsjett gav 6,5 millionar kroner meir i skatt og rammetilskot. Lønsoppgjeret er fordelt frå lønsreserven under finans til rammeområda. Byggjestart for omsorgsbustadene er utsett til oktober.',
    'Rapporten for 2. tertial 2026 tas til orientering.':
        'Rapporten for 2. tertial 2026 blir teken til orientering.',
    'Driftsrammen for helse og omsorg økes med 8 000 000 kr, finansiert med økt skatt og rammetilskudd og bruk av disposisjonsfond.':
        'Driftsramma for helse og omsorg blir auka med 8 000 000 kr, finansiert med auka skatt og rammetilskot og bruk av disposisjonsfond.',
    'Investeringsbudsjettet for omsorgsboligene reduseres med 5 000 000 kr i 2026, og beløpet flyttes til 2027.':
        'Investeringsbudsjettet for omsorgsbustadene blir redusert med 5 000 000 kr i 2026, og beløpet blir flytt til 2027.',
    'Mangel på sykepleiere gir mye innleie og svekket kvalitet på sykehjemmet':
        'Mangel på sjukepleiarar gir mykje innleige og svekt kvalitet på sjukeheimen',
    'Rekrutteringspakke med stipend og hjelp til bolig':
        'Rekrutteringspakke med stipend og hjelp til bustad',
    'Flere praksisplasser i samarbeid med høgskolen':
        'Fleire praksisplassar i samarbeid med høgskulen',
    'Kompetanseheving for helsefagarbeidere':
        'Kompetanseheving for helsefagarbeidarar',
    'Merforbruk i helse og omsorg gir underskudd for kommunen samlet':
        'Meirforbruk i helse og omsorg gir underskot for kommunen samla',
    'Månedlig gjennomgang av ressurskrevende tjenester':
        'Månadleg gjennomgang av ressurskrevjande tenester',
    'Tiltaksplan for balanse legges fram i juni':
        'Tiltaksplan for balanse blir lagd fram i juni',
    'Dataangrep eller løsepengevirus stanser kritiske fagsystemer':
        'Dataåtak eller løysepengevirus stansar kritiske fagsystem',
    'Tofaktorautentisering for alle brukere':
        'Tofaktorautentisering for alle brukarar',
    'Øvelse i gjenoppretting fra sikkerhetskopi':
        'Øving i gjenoppretting frå tryggingskopi',
    'Obligatorisk opplæring i informasjonssikkerhet':
        'Obligatorisk opplæring i informasjonstryggleik',
    'Ekstremnedbør gir flom og overvann i sentrum og skader på infrastruktur':
        'Ekstremnedbør gir flaum og overvatn i sentrum og skadar på infrastruktur',
    'Kartlegge overvann og flomveier (oppdrag 9)':
        'Kartleggje overvatn og flaumvegar (oppdrag 9)',
    'Oppdatere beredskapsplanen for flom og skred':
        'Oppdatere beredskapsplanen for flaum og skred',
    'Barnevernet klarer ikke lovpålagte frister for undersøkelser':
        'Barnevernet klarer ikkje lovpålagde fristar for undersøkingar',
    'Ukentlig fristoversikt i barnevernet':
        'Vekentleg fristoversikt i barnevernet',
    'Midlertidig innleie av saksbehandler':
        'Mellombels innleige av sakshandsamar',
    'Sosialhjelpsutbetalingene øker på grunn av høye levekostnader':
        'Sosialhjelpsutbetalingane aukar på grunn av høge levekostnader',
    'Tidlig kartlegging og aktivitetsplikt for unge':
        'Tidleg kartlegging og aktivitetsplikt for unge',
    'Tilbud om økonomisk rådgivning':
        'Tilbod om økonomisk rådgiving',
    'Svikt i avviksmeldingen gjør at uønskede hendelser ikke fanges opp':
        'Svikt i avviksmeldinga gjer at uønskte hendingar ikkje blir fanga opp',
    'Felles avviksrutine for hele kommunen':
        'Felles avviksrutine for heile kommunen',
    'Opplæring av ledere i avviksbehandling':
        'Opplæring av leiarar i avvikshandsaming',
    'Forsinket bygging av omsorgsboliger gir kostnadsøkning':
        'Forseinka bygging av omsorgsbustader gir kostnadsauke',
    'Månedlig byggemøte med rapport til KLG':
        'Månadleg byggjemøte med rapport til KLG',
    'Lærermangel gir flere ukvalifiserte i undervisningsstillinger':
        'Lærarmangel gir fleire ukvalifiserte i undervisningsstillingar',
    'Stipend til lærere som tar videreutdanning':
        'Stipend til lærarar som tek vidareutdanning',
    'Vannforsyningen forurenses ved brudd på gammel hovedledning':
        'Vassforsyninga blir forureina ved brot på gammal hovudleidning',
    'Utskifting av hovedledningen etter VA-planen':
        'Utskifting av hovudleidninga etter VA-planen',
    'Beredskapsavtale om nødvann':
        'Beredskapsavtale om naudvatn',
    'Feil i lønnsutbetalingen ved overgang til nytt HR-system':
        'Feil i lønsutbetalinga ved overgang til nytt HR-system',
    'Parallellkjøring av lønn i to måneder':
        'Parallellkøyring av løn i to månader',
    'Post med personopplysninger sendes til feil mottaker':
        'Post med personopplysingar blir send til feil mottakar',
    'Digital post som hovedregel':
        'Digital post som hovudregel',
    'Kontroll av mottaker før utsending':
        'Kontroll av mottakar før utsending',
    'Frivillige faller fra, og kulturtilbudet til barn og unge blir mindre':
        'Frivillige fell frå, og kulturtilbodet til barn og unge blir mindre',
    'Årlig frivillighetspris':
        'Årleg frivilligheitspris',
    'Fristbrudd i byggesaker på grunn av lav saksbehandlingskapasitet':
        'Fristbrot i byggjesaker på grunn av låg sakshandsamingskapasitet',
    'Digital byggesøknad med automatisk kontroll':
        'Digital byggjesøknad med automatisk kontroll',
    'Offentlighet og demokrati':
        'Offentlegheit og demokrati',
    'Lite bruk av innbyggerinnspill i budsjettarbeidet':
        'Lite bruk av innspel frå innbyggjarane i budsjettarbeidet',
    'Resultater fra tjenestene blir sjelden offentliggjort':
        'Resultat frå tenestene blir sjeldan offentleggjorde',
    'Sterk frivillighet med god kommunal støtte':
        'Sterk frivilligheit med god kommunal støtte',
    'Få evalueringer av samarbeidsavtalene':
        'Få evalueringar av samarbeidsavtalane',
    'Målene i planene henger ikke godt sammen':
        'Måla i planane heng ikkje godt saman',
    'Aktiv bruk av KOSTRA-sammenligninger':
        'Aktiv bruk av KOSTRA-samanlikningar',
    'Profesjonelle anskaffelser':
        'Profesjonelle innkjøp',
    'Gevinster fra digitalisering hentes sjelden ut':
        'Vinstar frå digitalisering blir sjeldan henta ut',
    'Ingen systematisk gevinstrealisering':
        'Ingen systematisk vinstrealisering',
    'Brukerorientering og service':
        'Brukarorientering og service',
    'Godt servicetorg med høy tilgjengelighet':
        'Godt servicetorg med høg tilgjenge',
    'Brukerundersøkelser gjøres ujevnt mellom tjenestene':
        'Brukarundersøkingar blir gjorde ujamt mellom tenestene',
    'Mangler servicestandarder':
        'Manglar servicestandardar',
    'Lite digital selvbetjening':
        'Lite digital sjølvbetening',
    'Tjenestekvalitet':
        'Tenestekvalitet',
    'Flere gode lokale forbedringsprosjekter':
        'Fleire gode lokale forbetringsprosjekt',
    'Erfaringer spres lite mellom enhetene':
        'Erfaringar blir lite spreidde mellom einingane',
    'Avvik brukes lite til læring':
        'Avvik blir lite brukte til læring',
    'Arbeidsgiverpolitikk og arbeidsliv':
        'Arbeidsgivarpolitikk og arbeidsliv',
    'Kompetanseplanen er ikke oppdatert':
        'Kompetanseplanen er ikkje oppdatert',
    'Ledelse og medarbeiderskap':
        'Leiing og medarbeidarskap',
    'Lederavtaler for alle ledere':
        'Leiaravtalar for alle leiarar',
    'Felles lederplattform':
        'Felles leiarplattform',
    'Lederutviklingen er lite systematisk':
        'Leiarutviklinga er lite systematisk',
    'Få arenaer for medarbeiderskap':
        'Få arenaer for medarbeidarskap',
    'Innbyggernes tilgang til informasjon':
        'Tilgangen innbyggjarane har til informasjon',
    'Medvirkning i planarbeid og budsjett':
        'Medverknad i planarbeid og budsjett',
    'Opplæring og rolle for folkevalgte':
        'Opplæring og rolle for folkevalde',
    'Åpenhet om resultater i tjenestene':
        'Openheit om resultat i tenestene',
    'Samarbeid med frivillige organisasjoner':
        'Samarbeid med frivillige organisasjonar',
    'Sammenligning med andre kommuner':
        'Samanlikning med andre kommunar',
    'Anskaffelser og konkurranse':
        'Innkjøp og konkurranse',
    'Servicestandarder og serviceerklæringer':
        'Servicestandardar og serviceerklæringar',
    'Brukerundersøkelser og brukermedvirkning':
        'Brukarundersøkingar og brukarmedverknad',
    'Digital tilgjengelighet':
        'Digital tilgjenge',
    'Innovasjon og forbedringsarbeid':
        'Innovasjon og forbetringsarbeid',
    'Læring av avvik og hendelser':
        'Læring av avvik og hendingar',
    'Heltid og rekruttering':
        'Heiltid og rekruttering',
    'Lederutvikling':
        'Leiarutvikling',
    'Medarbeiderdialog og medarbeiderskap':
        'Medarbeidardialog og medarbeidarskap',
    'Lederavtaler og oppfølging av ledere':
        'Leiaravtalar og oppfølging av leiarar',
    'Helhetlig styring':
        'Heilskapleg styring',
    'Kompasset viser at styring og kontroll og kvalitetsutvikling er våre svakeste områder. Målene i planene henger ikke godt nok sammen, og internkontrollen er mer preget av enkeltrutiner enn av risikovurderinger. Uten en rød tråd fra kommuneplan til enhet blir det vanskelig å prioritere og å vise kommunestyret hva innsatsen gir.':
        'Kompasset viser at styring og kontroll og kvalitetsutvikling er dei svakaste områda våre. Måla i planane heng ikkje godt nok saman, og internkontrollen er meir prega av einskildrutinar enn av risikovurderingar. Utan ein raud tråd frå kommuneplan til eining blir det vanskeleg å prioritere og å vise kommunestyret kva innsatsen gir.',
    'Én felles målstruktur brukes i alle enheter og i tertialrapportene':
        'Éin felles målstruktur blir brukt i alle einingar og i tertialrapportane',
    'Alle enheter har en oppdatert ROS-analyse og følger opp avvik':
        'Alle einingar har ein oppdatert ROS-analyse og følgjer opp avvik',
    'Ledelsens gjennomgang holdes i KLG to ganger i året':
        'Gjennomgangen til leiinga blir halden i KLG to gonger i året',
    'Kompetente ledere og medarbeidere':
        'Kompetente leiarar og medarbeidarar',
    'Vi skårer godt på arbeidsliv, men rekrutteringen til helse og omsorg er krevende, og lederutviklingen er lite systematisk. Vi trenger ledere som gir retning og medarbeidere som tar ansvar for fellesskapet, og vi må bli bedre på å beholde dem vi har.':
        'Vi skårar godt på arbeidsliv, men rekrutteringa til helse og omsorg er krevjande, og leiarutviklinga er lite systematisk. Vi treng leiarar som gir retning og medarbeidarar som tek ansvar for fellesskapen, og vi må bli betre på å halde på dei vi har.',
    'Strategisk kompetanseplan er vedtatt og følges opp årlig':
        'Strategisk kompetanseplan er vedteken og blir følgd opp årleg',
    'Samlet sykefravær er under 7,0 prosent':
        'Samla sjukefråvær er under 7,0 prosent',
    'Alle ledere har lederavtale og deltar i lederutvikling':
        'Alle leiarar har leiaravtale og deltek i leiarutvikling',
    'Innbyggerne forventer å kunne ordne det meste digitalt, og vi får færre hender i tjenestene. Kompasset viser at vi henter ut lite gevinst av digitaliseringen og har lite selvbetjening. Digitalisering skal derfor styres som en portefølje med tydelige gevinster.':
        'Innbyggjarane ventar å kunne ordne det meste digitalt, og vi får færre hender i tenestene. Kompasset viser at vi hentar ut lite vinst av digitaliseringa og har lite sjølvbetening. Digitalisering skal difor styrast som ein portefølje med tydelege vinstar.',
    'Minst 80 prosent av søknadene kommer inn digitalt':
        'Minst 80 prosent av søknadene kjem inn digitalt',
    'Alle digitaliseringsprosjekter har gevinstkart':
        'Alle digitaliseringsprosjekt har vinstkart',
    'Ingen alvorlige sikkerhetsbrudd i perioden':
        'Ingen alvorlege tryggleiksbrot i perioden',
    'Etablere felles målstruktur fra samfunnsdel til enhet':
        'Etablere felles målstruktur frå samfunnsdel til eining',
    'Bruke BMS i virksomhetsplaner og tertialrapporter':
        'Bruke BMS i verksemdsplanar og tertialrapportar',
    'ROS-analyse i alle enheter hvert år':
        'ROS-analyse i alle einingar kvart år',
    'Ledelsens gjennomgang i KLG':
        'Gjennomgangen til leiinga i KLG',
    'Tydeliggjøre ansvar mellom kommunalsjef og enhetsleder':
        'Tydeleggjere ansvaret mellom kommunalsjef og einingsleiar',
    'Lederprogram for alle nye ledere':
        'Leiarprogram for alle nye leiarar',
    'Lederavtaler med høstsamtale for alle ledere':
        'Leiaravtalar med haustsamtale for alle leiarar',
    'Kollegaveiledning i ledergruppene':
        'Kollegarettleiing i leiargruppene',
    'Samarbeid med skoler og høgskoler om lærlinger og praksis':
        'Samarbeid med skular og høgskular om lærlingar og praksis',
    'Heltid og nærvær':
        'Heiltid og nærvær',
    'Ny turnusmodell med flere hele stillinger':
        'Ny turnusmodell med fleire heile stillingar',
    'Systematisk oppfølging av sykefravær':
        'Systematisk oppfølging av sjukefråvær',
    'Medarbeidersamtaler med utviklingsplan':
        'Medarbeidarsamtalar med utviklingsplan',
    'Arenaer for medvirkning i alle enheter':
        'Arenaer for medverknad i alle einingar',
    'Porteføljestyring og gevinster':
        'Porteføljestyring og vinstar',
    'Prioritere prosjekter i en felles portefølje':
        'Prioritere prosjekt i ein felles portefølje',
    'Gevinstkart og oppfølging for alle prosjekter':
        'Vinstkart og oppfølging for alle prosjekt',
    'Digitale innbyggertjenester':
        'Digitale innbyggjartenester',
    'Selvbetjening på nettsidene':
        'Sjølvbetening på nettsidene',
    'Digital post og digitale skjemaer som hovedregel':
        'Digital post og digitale skjema som hovudregel',
    'Tjenestedesign med brukerne':
        'Tenestedesign med brukarane',
    'Styringssystem for informasjonssikkerhet':
        'Styringssystem for informasjonstryggleik',
    'Årlig opplæring og øvelse for alle ansatte':
        'Årleg opplæring og øving for alle tilsette',
    'Digitaliseringsleder':
        'Digitaliseringsleiar',
    'Leder servicetorg og politisk sekretariat':
        'Leiar for servicetorg og politisk sekretariat',
    'Enhetsleder barnehager':
        'Einingsleiar barnehagar',
    'Barnevernleder':
        'Barnevernsleiar',
    'Enhetsleder voksenopplæring og integrering':
        'Einingsleiar vaksenopplæring og integrering',
    'Enhetsleder sykehjem':
        'Einingsleiar sjukeheim',
    'Enhetsleder hjemmetjenesten':
        'Einingsleiar heimetenesta',
    'Enhetsleder helse og familie':
        'Einingsleiar helse og familie',
    'Enhetsleder bo- og aktivitetstjenester':
        'Einingsleiar bu- og aktivitetstenester',
    'Kommuneoverlege og leder legekontoret':
        'Kommuneoverlege og leiar for legekontoret',
    'NAV-leder':
        'NAV-leiar',
    'Enhetsleder drift & vedlikehold':
        'Einingsleiar drift & vedlikehald',
    'Enhetsleder vann og avløp':
        'Einingsleiar vatn og avløp',
    'Eiendomssjef':
        'Eigedomssjef',
    'Lede tjenestegjennomgangen i oppvekst slik at kommunestyret får et godt grunnlag for å vedta framtidig struktur.':
        'Leie tenestegjennomgangen i oppvekst slik at kommunestyret får eit godt grunnlag for å vedta framtidig struktur.',
    'Tydelig retning – viktig når strukturspørsmålet skaper uro blant ansatte og foreldre.':
        'Tydeleg retning – viktig når strukturspørsmålet skaper uro blant tilsette og foreldre.',
    'Samhandling på tvers – tidlig innsats krever tett samarbeid med helse og NAV.':
        'Samhandling på tvers – tidleg innsats krev tett samarbeid med helse og NAV.',
    'Delegering – for mye av det operative ligger fortsatt hos kommunalsjefen.':
        'Delegering – for mykje av det operative ligg framleis hos kommunalsjefen.',
    'Gi rektorer og styrere større handlingsrom i egne budsjetter':
        'Gi rektorar og styrarar større handlingsrom i eigne budsjett',
    'Bruke mer tid på strategisk arbeid og mindre i driftsmøter':
        'Bruke meir tid på strategisk arbeid og mindre i driftsmøte',
    'Én-til-én-samtale med hver enhetsleder månedlig':
        'Ein-til-ein-samtale med kvar einingsleiar månadleg',
    'Mentor fra nabokommune gjennom KS-nettverket':
        'Mentor frå nabokommune gjennom KS-nettverket',
    'Stabilt lederlag; to rektorer går av med pensjon i 2027.':
        'Stabilt leiarlag; to rektorar går av med pensjon i 2027.',
    'Balanse i 2025; stram ramme med synkende elevtall.':
        'Balanse i 2025; stram ramme med søkkande elevtal.',
    'Godt samarbeid om tidlig innsats; spesialundervisningen bør evalueres.':
        'Godt samarbeid om tidleg innsats; spesialundervisninga bør evaluerast.',
    'Få helse og omsorg i økonomisk balanse uten å svekke forsvarligheten i tjenestene.':
        'Få helse og omsorg i økonomisk balanse utan å svekkje forsvarlegheita i tenestene.',
    'Mot til å prioritere – krevende valg må tas tidlig og begrunnes godt.':
        'Mot til å prioritere – krevjande val må takast tidleg og grunngjevast godt.',
    'Tillit og delegering – enhetslederne kjenner tjenestene best.':
        'Tillit og delegering – einingsleiarane kjenner tenestene best.',
    'Kommunikasjon – beslutninger må forklares bedre til ansatte og tillitsvalgte.':
        'Kommunikasjon – avgjerder må forklarast betre til tilsette og tillitsvalde.',
    'Forklare bakgrunnen for prioriteringer i alle personalmøter jeg deltar i':
        'Forklare bakgrunnen for prioriteringar i alle personalmøte eg deltek i',
    'Be om tilbakemelding fra tillitsvalgte på egen kommunikasjon hvert kvartal':
        'Be om tilbakemelding frå tillitsvalde på eigen kommunikasjon kvart kvartal',
    'Fast plass på personalmøtene i alle enheter to ganger i året':
        'Fast plass på personalmøta i alle einingar to gonger i året',
    'Høyt sykefravær i turnus; rekruttering av sykepleiere er kritisk.':
        'Høgt sjukefråvær i turnus; rekruttering av sjukepleiarar er kritisk.',
    'Merforbruk på ressurskrevende tjenester; tiltaksplan i juni.':
        'Meirforbruk på ressurskrevjande tenester; tiltaksplan i juni.',
    'Ny kommunedelplan for helse og omsorg følges opp.':
        'Ny kommunedelplan for helse og omsorg blir følgd opp.',
    'Samordne vedlikehold, klimatilpasning og arealplanlegging slik at investeringene prioriteres ut fra risiko.':
        'Samordne vedlikehald, klimatilpassing og arealplanlegging slik at investeringane blir prioriterte ut frå risiko.',
    'Helhetsforståelse – området spenner fra brann til kultur.':
        'Heilskapsforståing – området spenner frå brann til kultur.',
    'Samhandling på tvers – klimatilpasning krever at plan, VA og eiendom jobber sammen.':
        'Samhandling på tvers – klimatilpassing krev at plan, VA og eigedom arbeider saman.',
    'Tilbakemelding – enhetslederne ønsker tydeligere tilbakemelding på resultater.':
        'Tilbakemelding – einingsleiarane ønskjer tydelegare tilbakemelding på resultat.',
    'Gi hver enhetsleder en skriftlig tilbakemelding hvert tertial':
        'Gi kvar einingsleiar ei skriftleg tilbakemelding kvart tertial',
    'Lære å lede gjennom andre i større grad':
        'Lære å leie gjennom andre i større grad',
    'Faste tertialsamtaler med hver enhetsleder':
        'Faste tertialsamtalar med kvar einingsleiar',
    'Lederveiledning med ekstern coach fire ganger':
        'Leiarrettleiing med ekstern coach fire gonger',
    'Få nyansatte; behov for ingeniørkompetanse i VA.':
        'Få nytilsette; behov for ingeniørkompetanse i VA.',
    'Vedlikeholdsetterslep må synliggjøres i budsjettet.':
        'Etterslepet i vedlikehaldet må synleggjerast i budsjettet.',
    'Vedlikeholdsplan og overvannskartlegging er høyest prioritert.':
        'Vedlikehaldsplan og overvasskartlegging har høgast prioritet.',
    'Innføre felles målstruktur og enklere månedsrapportering for alle ledere.':
        'Innføre felles målstruktur og enklare månadsrapportering for alle leiarar.',
    'Helhetsforståelse – økonomien må ses i sammenheng med tjenestene.':
        'Heilskapsforståing – økonomien må sjåast i samanheng med tenestene.',
    'Tydelig retning – lederne trenger klare frister og maler.':
        'Tydeleg retning – leiarane treng klare fristar og malar.',
    'Involvering – rapportene lages ofte uten innspill fra brukerne av dem.':
        'Involvering – rapportane blir ofte laga utan innspel frå dei som bruker dei.',
    'Teste nye rapportmaler med tre enhetsledere før de tas i bruk':
        'Teste nye rapportmalar med tre einingsleiarar før dei blir tekne i bruk',
    'Holde en brukerevaluering av rapporteringen etter 2. tertial':
        'Halde ei brukarevaluering av rapporteringa etter 2. tertial',
    'Arbeidsgruppe med enhetsledere fra hvert tjenesteområde':
        'Arbeidsgruppe med einingsleiarar frå kvart tenesteområde',
    'Kort spørreundersøkelse til alle ledere i september':
        'Kort spørjeundersøking til alle leiarar i september',
    'Liten stab; sårbar ved fravær.':
        'Liten stab; sårbar ved fråvær.',
    'God kontroll; prognosene må bli mer presise.':
        'God kontroll; prognosane må bli meir presise.',
    'Ny målstruktur og bedre analyse av KOSTRA-tall.':
        'Ny målstruktur og betre analyse av KOSTRA-tal.',
    'Lede arbeidet med kompetanseplan og heltidskultur sammen med tjenesteområdene.':
        'Leie arbeidet med kompetanseplan og heiltidskultur saman med tenesteområda.',
    'Involvering – tillitsvalgte og verneombud må være med fra start.':
        'Involvering – tillitsvalde og verneombod må vere med frå start.',
    'Tillit og delegering – lederne skal eie nærværsarbeidet selv.':
        'Tillit og delegering – leiarane skal eige nærværsarbeidet sjølve.',
    'Mot til å prioritere – HR tar på seg for mange små oppgaver.':
        'Mot til å prioritere – HR tek på seg for mange små oppgåver.',
    'Si nei til oppgaver som hører hjemme i linjen':
        'Seie nei til oppgåver som høyrer heime i linja',
    'Avsette én dag i uken til strategisk HR-arbeid':
        'Setje av éin dag i veka til strategisk HR-arbeid',
    'Oppgaveoversikt gjennomgås med kommunedirektøren hver måned':
        'Oppgåveoversikt blir gjennomgått med kommunedirektøren kvar månad',
    'Ny rådgiver ansatt; godt samarbeid med HTV.':
        'Ny rådgivar tilsett; godt samarbeid med HTV.',
    'Innenfor rammen.':
        'Innanfor ramma.',
    'Kompetanseplan og nytt HR-system er prioritert.':
        'Kompetanseplan og nytt HR-system er prioriterte.',
    'Bygge opp porteføljestyring med gevinstkart for alle digitaliseringsprosjekter.':
        'Byggje opp porteføljestyring med vinstkart for alle digitaliseringsprosjekt.',
    'Brukerorientering – løsningene må bygges med brukerne, ikke for dem.':
        'Brukarorientering – løysingane må byggjast med brukarane, ikkje for dei.',
    'Endringsledelse – digitalisering endrer arbeidshverdagen for mange.':
        'Endringsleiing – digitalisering endrar arbeidskvardagen for mange.',
    'Kommunikasjon – fagspråket gjør det vanskelig for andre å henge med.':
        'Kommunikasjon – fagspråket gjer det vanskeleg for andre å henge med.',
    'Forklare prosjektene uten teknisk sjargong':
        'Forklare prosjekta utan teknisk sjargong',
    'Presentere gevinster med tall som lederne kjenner igjen':
        'Presentere vinstar med tal som leiarane kjenner att',
    'Klarspråkkurs høsten 2026':
        'Klarspråkkurs hausten 2026',
    'Månedlig kort nyhetsbrev om digitalisering':
        'Månadleg kort nyheitsbrev om digitalisering',
    'To nye IKT-lærlinger; god stabilitet.':
        'To nye IKT-lærlingar; god stabilitet.',
    'Lisenskostnadene øker mer enn forventet.':
        'Lisenskostnadene aukar meir enn venta.',
    'Informasjonssikkerhet og velferdsteknologi.':
        'Informasjonstryggleik og velferdsteknologi.',
    'Gjøre servicetorget til en enkel inngang til kommunen og lede arbeidet med innbyggerdialog.':
        'Gjere servicetorget til ein enkel inngang til kommunen og leie arbeidet med innbyggjardialog.',
    'Brukerorientering – servicetorget er kommunens ansikt utad.':
        'Brukarorientering – servicetorget er andletet til kommunen utetter.',
    'Samhandling på tvers – henvendelser må løses uten at innbyggeren blir sendt rundt.':
        'Samhandling på tvers – førespurnader må løysast utan at innbyggjaren blir send rundt.',
    'Struktur – for mange oppgaver løses ad hoc.':
        'Struktur – for mange oppgåver blir løyste ad hoc.',
    'Innføre faste rutiner for de ti vanligste henvendelsene':
        'Innføre faste rutinar for dei ti vanlegaste førespurnadene',
    'Lage en plan for egen tidsbruk hver uke':
        'Lage ein plan for eiga tidsbruk kvar veke',
    'Prosesskartlegging med hjelp fra IKT':
        'Prosesskartlegging med hjelp frå IKT',
    'Ukentlig planleggingsmøte i servicetorget':
        'Vekentleg planleggingsmøte i servicetorget',
    'Lite sykefravær; god stemning.':
        'Lite sjukefråvær; god stemning.',
    'Porto og trykking bør reduseres.':
        'Porto og trykking bør reduserast.',
    'Medvirkningsveileder og innbyggerundersøkelse.':
        'Medverknadsrettleiar og innbyggjarundersøking.',
    'Bidra med kunnskap og erfaring fra Fjellvik skole i tjenestegjennomgangen.':
        'Bidra med kunnskap og erfaring frå Fjordvik skule i tenestegjennomgangen.',
    'Tydelig retning – lærerne trenger trygghet i en usikker periode.':
        'Tydeleg retning – lærarane treng tryggleik i ein usikker periode.',
    'Tilbakemelding og anerkjennelse – god praksis skal synes.':
        'Tilbakemelding og anerkjenning – god praksis skal synast.',
    'Delegering – teamlederne kan få mer ansvar.':
        'Delegering – teamleiarane kan få meir ansvar.',
    'Gi teamlederne ansvar for egne budsjettposter':
        'Gi teamleiarane ansvar for eigne budsjettpostar',
    'Gjennomføre klasseromsbesøk hos alle lærere i løpet av året':
        'Gjennomføre klasseromsbesøk hos alle lærarar i løpet av året',
    'Opplæring av teamledere i økonomi':
        'Opplæring av teamleiarar i økonomi',
    'Plan for klasseromsbesøk i skolens årshjul':
        'Plan for klasseromsbesøk i årshjulet til skulen',
    'Lavt sykefravær; to lærere mangler godkjent utdanning.':
        'Lågt sjukefråvær; to lærarar manglar godkjend utdanning.',
    'Balanse; vikarutgifter må følges.':
        'Balanse; vikarutgiftene må følgjast.',
    'Teamlederne har fått budsjettansvar fra august; god erfaring så langt.':
        'Teamleiarane har fått budsjettansvar frå august; god erfaring så langt.',
    'Belyse konsekvensene av endret skolestruktur for elevene i Nordbotn.':
        'Lyse opp konsekvensane av endra skulestruktur for elevane i Nordbotn.',
    'Involvering – foreldrene må kjenne seg hørt.':
        'Involvering – foreldra må kjenne seg høyrde.',
    'Samhandling på tvers – samarbeid med Fjellvik skole om fag og ressurser.':
        'Samhandling på tvers – samarbeid med Fjordvik skule om fag og ressursar.',
    'Konflikthåndtering – uenighet i kollegiet må tas tidligere.':
        'Konflikthandtering – usemje i kollegiet må takast tidlegare.',
    'Ta opp uenighet i kollegiet når den oppstår, ikke vente til den vokser':
        'Ta opp usemje i kollegiet når ho oppstår, ikkje vente til ho veks',
    'Lage en plan for dialog med foreldrene gjennom året':
        'Lage ein plan for dialog med foreldra gjennom året',
    'Veiledning i konflikthåndtering fra HR':
        'Rettleiing i konflikthandtering frå HR',
    'Faste foreldremøter om strukturutredningen':
        'Faste foreldremøte om strukturutgreiinga',
    'Lite kollegium; sårbart ved fravær.':
        'Lite kollegium; sårbart ved fråvær.',
    'Høy kostnad per elev; følges opp i utredningen.':
        'Høg kostnad per elev; blir følgd opp i utgreiinga.',
    'Godt læringsmiljø; trivselen er høy.':
        'Godt læringsmiljø; trivselen er høg.',
    'Rekruttere barnehagelærere og framskrive behovet for plasser.':
        'Rekruttere barnehagelærarar og framskrive behovet for plassar.',
    'Tillit og delegering – pedagogiske ledere er nøkkelpersoner.':
        'Tillit og delegering – pedagogiske leiarar er nøkkelpersonar.',
    'Tilbakemelding og anerkjennelse – mange ansatte står i krevende hverdager.':
        'Tilbakemelding og anerkjenning – mange tilsette står i krevjande kvardagar.',
    'Tydelig retning – tre barnehager praktiserer rutiner ulikt.':
        'Tydeleg retning – tre barnehagar praktiserer rutinar ulikt.',
    'Samordne rutiner i de tre barnehagene':
        'Samordne rutinane i dei tre barnehagane',
    'Bli tydeligere på felles forventninger':
        'Bli tydelegare på felles forventningar',
    'Felles planleggingsdag for alle barnehagene':
        'Felles planleggingsdag for alle barnehagane',
    'Felles rutinehåndbok innen juni':
        'Felles rutinehandbok innan juni',
    'Høyt sykefravær; flere dispensasjoner fra utdanningskravet.':
        'Høgt sjukefråvær; fleire dispensasjonar frå utdanningskravet.',
    'Innenfor rammen; foreldrebetaling lavere enn budsjettert.':
        'Innanfor ramma; foreldrebetaling lågare enn budsjettert.',
    'Språkarbeid og overganger til skole.':
        'Språkarbeid og overgangar til skule.',
    'Sørge for at barnevernet holder lovpålagte frister og følger opp avvik.':
        'Syte for at barnevernet held lovpålagde fristar og følgjer opp avvik.',
    'Faglig trygghet – saksbehandlerne står i krevende saker.':
        'Fagleg tryggleik – sakshandsamarane står i krevjande saker.',
    'Samhandling på tvers – skole og helsestasjon er viktige samarbeidspartnere.':
        'Samhandling på tvers – skule og helsestasjon er viktige samarbeidspartnarar.',
    'Innføre fristoversikt som gjennomgås hver uke':
        'Innføre fristoversikt som blir gjennomgått kvar veke',
    'Prioritere undersøkelser før tiltak når kapasiteten er presset':
        'Prioritere undersøkingar før tiltak når kapasiteten er pressa',
    'Ukentlig fristmøte':
        'Vekentleg fristmøte',
    'Veiledning fra Bufetat om prioritering':
        'Rettleiing frå Bufetat om prioritering',
    'Én ledig stilling; innleie ved behov.':
        'Éi ledig stilling; innleige ved behov.',
    'Merforbruk på tiltak utenfor hjemmet.':
        'Meirforbruk på tiltak utanfor heimen.',
    'Barnevernsreformen og tidlig innsats.':
        'Barnevernsreforma og tidleg innsats.',
    'Sikre at innvandrere og flyktninger blir hørt i medvirkningsarbeidet.':
        'Sikre at innvandrarar og flyktningar blir høyrde i medverknadsarbeidet.',
    'Brukerorientering – deltakerne må ha et tilbud som passer dem.':
        'Brukarorientering – deltakarane må ha eit tilbod som passar dei.',
    'Samhandling på tvers – NAV, skole og næringsliv må spille sammen.':
        'Samhandling på tvers – NAV, skule og næringsliv må spele saman.',
    'Struktur – rapporteringen er for lite systematisk.':
        'Struktur – rapporteringa er for lite systematisk.',
    'Innføre månedlig rapportering på deltakernes progresjon':
        'Innføre månadleg rapportering på progresjonen til deltakarane',
    'Bruke data mer aktivt i planleggingen':
        'Bruke data meir aktivt i planlegginga',
    'Rapportmal laget sammen med økonomi':
        'Rapportmal laga saman med økonomi',
    'Engasjert personale; høy turnover blant tolker.':
        'Engasjert personale; høg utskifting blant tolkar.',
    'Integreringstilskuddet går ned.':
        'Integreringstilskotet går ned.',
    'Prøve ut ny turnus med flere hele stillinger og redusere innleie.':
        'Prøve ut ny turnus med fleire heile stillingar og redusere innleige.',
    'Tilstedeværelse – ansatte ønsker en synlig leder.':
        'Nærvær – tilsette ønskjer ein synleg leiar.',
    'Endringsledelse – ny turnus berører alle.':
        'Endringsleiing – ny turnus gjeld alle.',
    'Delegering – avdelingslederne må få mer ansvar.':
        'Delegering – avdelingsleiarane må få meir ansvar.',
    'Være til stede på vaktskiftet i hver avdeling hver uke':
        'Vere til stades på vaktskiftet i kvar avdeling kvar veke',
    'Gi avdelingslederne ansvar for vaktplanleggingen':
        'Gi avdelingsleiarane ansvar for vaktplanlegginga',
    'Fast ukeplan med tid i avdelingene':
        'Fast vekeplan med tid i avdelingane',
    'Opplæring av avdelingsledere i turnusplanlegging':
        'Opplæring av avdelingsleiarar i turnusplanlegging',
    'Høyt sykefravær og mye overtid; rekruttering av sykepleiere.':
        'Høgt sjukefråvær og mykje overtid; rekruttering av sjukepleiarar.',
    'Innleie gir merforbruk.':
        'Innleige gir meirforbruk.',
    'Demensomsorg og lindrende behandling.':
        'Demensomsorg og lindrande behandling.',
    'Ny turnus innført i august; overtiden går ned.':
        'Ny turnus innført i august; overtida går ned.',
    'Ta i bruk velferdsteknologi og gi brukerne mer faste pleiere.':
        'Ta i bruk velferdsteknologi og gi brukarane fleire faste pleiarar.',
    'Brukerorientering – kontinuitet betyr mye for brukerne.':
        'Brukarorientering – kontinuitet tyder mykje for brukarane.',
    'Innovasjon – velferdsteknologi kan frigjøre tid.':
        'Innovasjon – velferdsteknologi kan frigjere tid.',
    'Kommunikasjon – endringer må forankres bedre i personalgruppen.':
        'Kommunikasjon – endringar må forankrast betre i personalgruppa.',
    'Involvere ansatte tidligere når arbeidsformer endres':
        'Involvere tilsette tidlegare når arbeidsformer blir endra',
    'Holde ukentlige korte informasjonsmøter':
        'Halde vekentlege korte informasjonsmøte',
    'Ressursgruppe for velferdsteknologi med ansatte':
        'Ressursgruppe for velferdsteknologi med tilsette',
    'Tavlemøte hver mandag':
        'Tavlemøte kvar måndag',
    'Mange deltidsstillinger; høyt sykefravær.':
        'Mange deltidsstillingar; høgt sjukefråvær.',
    'Kjøring og bilhold koster mer enn budsjettert.':
        'Køyring og bilhald kostar meir enn budsjettert.',
    'Styrke tidlig innsats for familier i samarbeid med barnevern og skole.':
        'Styrkje tidleg innsats for familiar i samarbeid med barnevern og skule.',
    'Samhandling på tvers – familier trenger helhetlige tjenester.':
        'Samhandling på tvers – familiar treng heilskaplege tenester.',
    'Faglig utvikling – helsestasjonen skal bygge på ny kunnskap.':
        'Fagleg utvikling – helsestasjonen skal byggje på ny kunnskap.',
    'Prioritering – for mange prosjekter på en gang.':
        'Prioritering – for mange prosjekt på ein gong.',
    'Velge ut to prosjekter og avslutte de øvrige':
        'Velje ut to prosjekt og avslutte dei andre',
    'Planlegge eget arbeid mer langsiktig':
        'Planleggje eige arbeid meir langsiktig',
    'Årsplan for enheten':
        'Årsplan for eininga',
    'Skolehelsetjenesten og familieveiledning.':
        'Skulehelsetenesta og familierettleiing.',
    'Redusere overtiden gjennom bedre planlegging av vakter.':
        'Redusere overtida gjennom betre planlegging av vakter.',
    'Tillit og delegering – erfarne miljøterapeuter kan ta mer ansvar.':
        'Tillit og delegering – røynde miljøterapeutar kan ta meir ansvar.',
    'Faglig trygghet – krevende brukere gir belastning.':
        'Fagleg tryggleik – krevjande brukarar gir belastning.',
    'Struktur – møtene er for mange og for lange.':
        'Struktur – møta er for mange og for lange.',
    'Halvere antall faste møter':
        'Halvere talet på faste møte',
    'Møtegjennomgang i ledergruppen':
        'Møtegjennomgang i leiargruppa',
    'Høyt sykefravær; flere med belastningsplager.':
        'Høgt sjukefråvær; fleire med belastningsplager.',
    'Ressurskrevende tjenester gir merforbruk.':
        'Ressurskrevjande tenester gir meirforbruk.',
    'Miljøterapi og brukermedvirkning.':
        'Miljøterapi og brukarmedverknad.',
    'Ta imot flere leger i spesialisering og sikre stabil legedekning.':
        'Ta imot fleire legar i spesialisering og sikre stabil legedekning.',
    'Faglig ledelse – legene trenger tydelige rammer.':
        'Fagleg leiing – legane treng tydelege rammer.',
    'Samhandling på tvers – sykehjem og legevakt er avhengige av legekontoret.':
        'Samhandling på tvers – sjukeheim og legevakt er avhengige av legekontoret.',
    'Administrativ ledelse – lite tid til personal og økonomi.':
        'Administrativ leiing – lite tid til personal og økonomi.',
    'Sette av én fast dag i uken til ledelse':
        'Setje av éin fast dag i veka til leiing',
    'Delegere mer til medisinsk koordinator':
        'Delegere meir til medisinsk koordinator',
    'Fast ledelsesdag i timeboken':
        'Fast leiingsdag i timeboka',
    'Ukentlig møte med medisinsk koordinator':
        'Vekentleg møte med medisinsk koordinator',
    'Fem fastleger; én hjemmel ledig.':
        'Fem fastlegar; éin heimel ledig.',
    'Innenfor rammen; utgifter til vikarleger følges.':
        'Innanfor ramma; utgifter til vikarlegar blir følgde.',
    'Ta i bruk digital søknad om sosialhjelp og følge unge tett.':
        'Ta i bruk digital søknad om sosialhjelp og følgje unge tett.',
    'Samhandling på tvers – unge trenger koordinerte tjenester.':
        'Samhandling på tvers – unge treng koordinerte tenester.',
    'Brukerorientering – digitale løsninger må være enkle.':
        'Brukarorientering – digitale løysingar må vere enkle.',
    'Økonomistyring – prognosene for sosialhjelp må bli bedre.':
        'Økonomistyring – prognosane for sosialhjelp må bli betre.',
    'Lage månedlige prognoser for sosialhjelp':
        'Lage månadlege prognosar for sosialhjelp',
    'Analysere årsaker til økte utbetalinger':
        'Analysere årsaker til auka utbetalingar',
    'Prognosemodell sammen med økonomi':
        'Prognosemodell saman med økonomi',
    'Lavt sykefravær; god kompetanse.':
        'Lågt sjukefråvær; god kompetanse.',
    'Økte utbetalinger gir merforbruk.':
        'Auka utbetalingar gir meirforbruk.',
    'Prognosemodellen er tatt i bruk; merforbruket er forklart for KLG.':
        'Prognosemodellen er teken i bruk; meirforbruket er forklart for KLG.',
    'Lage risikovurdering for drift og prioritere driftstiltak i vedlikeholdsplanen.':
        'Lage risikovurdering for drift og prioritere driftstiltak i vedlikehaldsplanen.',
    'Tydelig retning – mange oppgaver konkurrerer.':
        'Tydeleg retning – mange oppgåver konkurrerer.',
    'Tilbakemelding og anerkjennelse – uteavdelingen gjør mye som ikke blir sett.':
        'Tilbakemelding og anerkjenning – uteavdelinga gjer mykje som ikkje blir sett.',
    'Skriftlighet – for lite blir dokumentert.':
        'Skriftlegheit – for lite blir dokumentert.',
    'Dokumentere vedlikehold i fagsystemet':
        'Dokumentere vedlikehald i fagsystemet',
    'Skrive korte rapporter til kommunalsjefen':
        'Skrive korte rapportar til kommunalsjefen',
    'Mal for månedsrapport':
        'Mal for månadsrapport',
    'Erfarne ansatte; flere går av med pensjon snart.':
        'Røynde tilsette; fleire går snart av med pensjon.',
    'Brøyting i vinter ga merforbruk.':
        'Brøyting i vinter gav meirforbruk.',
    'Vedlikehold av veier og uteområder.':
        'Vedlikehald av vegar og uteområde.',
    'Kartlegge overvann og kapasitet i ledningsnettet i sentrum.':
        'Kartleggje overvatn og kapasitet i leidningsnettet i sentrum.',
    'Faglig ledelse – VA krever høy kompetanse.':
        'Fagleg leiing – VA krev høg kompetanse.',
    'Planlegging – investeringene må planlegges lenger fram.':
        'Planlegging – investeringane må planleggjast lenger fram.',
    'Kommunikasjon – innbyggerne får for lite informasjon ved brudd.':
        'Kommunikasjon – innbyggjarane får for lite informasjon ved brot.',
    'Innføre varsling på SMS ved vannbrudd':
        'Innføre varsling på SMS ved vassbrot',
    'Skrive en kort sak til nettsidene hver måned':
        'Skrive ei kort sak til nettsidene kvar månad',
    'Få ansatte; vaktordning er sårbar.':
        'Få tilsette; vaktordninga er sårbar.',
    'Gebyrene dekker kostnadene.':
        'Gebyra dekkjer kostnadene.',
    'Hovedplan for VA og overvannskartlegging.':
        'Hovudplan for VA og overvasskartlegging.',
    'Helhetsforståelse – byggene påvirker alle tjenestene.':
        'Heilskapsforståing – bygga påverkar alle tenestene.',
    'Planlegging – langsiktig vedlikehold framfor brannslukking.':
        'Planlegging – langsiktig vedlikehald framfor brannsløkking.',
    'Involvering – brukerne av byggene blir for lite spurt.':
        'Involvering – brukarane av bygga blir for lite spurde.',
    'Ha dialog med brukerne før vedlikeholdstiltak':
        'Ha dialog med brukarane før vedlikehaldstiltak',
    'Lage årlig byggmøte med enhetslederne':
        'Lage årleg byggmøte med einingsleiarane',
    'Spørreskjema til enhetsledere':
        'Spørjeskjema til einingsleiarar',
    'Byggmøte hver høst':
        'Byggmøte kvar haust',
    'Omsorgsboliger og energisparing.':
        'Omsorgsbustader og energisparing.',
    'Bruke medvirkningsveilederen i planarbeidet og holde fristene i byggesaker.':
        'Bruke medverknadsrettleiaren i planarbeidet og halde fristane i byggjesaker.',
    'Samhandling på tvers – næringsutvikling krever mange aktører.':
        'Samhandling på tvers – næringsutvikling krev mange aktørar.',
    'Brukerorientering – søkerne skal oppleve god veiledning.':
        'Brukarorientering – søkjarane skal oppleve god rettleiing.',
    'Delegering – for mange saker går via leder.':
        'Delegering – for mange saker går via leiaren.',
    'Gi saksbehandlerne fullmakt i enkle saker':
        'Gi sakshandsamarane fullmakt i enkle saker',
    'Stikkprøver i stedet for full kontroll':
        'Stikkprøver i staden for full kontroll',
    'God kompetanse; én vakant stilling.':
        'God kompetanse; éi stilling er ledig.',
    'Gebyrinntektene er høyere enn budsjettert.':
        'Gebyrinntektene er høgare enn budsjettert.',
    'Kommuneplanens arealdel og næringsareal.':
        'Arealdelen i kommuneplanen og næringsareal.',
    'Involvere lag og foreninger i arbeidet med frivillighetsstrategien.':
        'Involvere lag og foreiningar i arbeidet med frivilligheitsstrategien.',
    'Samhandling på tvers – kulturtilbudet bygger på frivillige.':
        'Samhandling på tvers – kulturtilbodet byggjer på frivillige.',
    'Innovasjon – nye måter å nå unge på.':
        'Innovasjon – nye måtar å nå unge på.',
    'Struktur – søknader om tilskudd behandles uten faste frister.':
        'Struktur – søknader om tilskot blir handsama utan faste fristar.',
    'Innføre faste søknadsfrister for tilskudd':
        'Innføre faste søknadsfristar for tilskot',
    'Lage årshjul for kulturenheten':
        'Lage årshjul for kultureininga',
    'Tilskuddsrutine vedtas i kulturutvalget':
        'Tilskotsrutine blir vedteken i kulturutvalet',
    'Årshjul på plass innen april':
        'Årshjul på plass innan april',
    'Små stillinger; mye kveldsarbeid.':
        'Små stillingar; mykje kveldsarbeid.',
    'Kulturskole, bibliotek og frivilligsentral.':
        'Kulturskule, bibliotek og frivilligsentral.',
    'Oppdatere beredskapsplanen for flom og skred.':
        'Oppdatere beredskapsplanen for flaum og skred.',
    'Tydelig retning – innsatsstyrken må vite hva som gjelder.':
        'Tydeleg retning – innsatsstyrken må vite kva som gjeld.',
    'Samhandling på tvers – beredskap berører hele kommunen.':
        'Samhandling på tvers – beredskap gjeld heile kommunen.',
    'Planlegging – øvelser blir for ofte utsatt.':
        'Planlegging – øvingar blir for ofte utsette.',
    'Gjennomføre fire planlagte øvelser i året':
        'Gjennomføre fire planlagde øvingar i året',
    'Øve kriseledelsen sammen med KLG':
        'Øve kriseleiinga saman med KLG',
    'Øvelsesplan i årshjulet':
        'Øvingsplan i årshjulet',
    'Felles øvelse med KLG i november':
        'Felles øving med KLG i november',
    'Deltidsmannskaper; rekruttering er krevende.':
        'Deltidsmannskap; rekruttering er krevjande.',
    'Forebyggende arbeid og tilsyn.':
        'Førebyggjande arbeid og tilsyn.',
    'Lede arbeidet med handlingsdelen og sørge for at tiltakene er forankret i KLG.':
        'Leie arbeidet med handlingsdelen og syte for at tiltaka er forankra i KLG.',
    'Bruke målstrukturen aktivt i KLG og etterspørre styringsdata.':
        'Bruke målstrukturen aktivt i KLG og etterspørje styringsdata.',
    'Kartlegge kompetansebehovet i skolene og planlegge videreutdanning.':
        'Kartleggje kompetansebehovet i skulane og planleggje vidareutdanning.',
    'Følge opp sykefraværet i egen enhet hver måned og redusere bruken av overtid.':
        'Følgje opp sjukefråværet i eiga eining kvar månad og redusere bruken av overtid.',
    'Lede utredningen med god involvering av ansatte, foreldre og tillitsvalgte.':
        'Leie utgreiinga med god involvering av tilsette, foreldre og tillitsvalde.',
    'Koordinere ROS-arbeidet og ledelsens gjennomgang og følge opp at avvik lukkes.':
        'Koordinere ROS-arbeidet og gjennomgangen til leiinga og følgje opp at avvik blir lukka.',
    'Lede innføringen av ny turnusmodell og følge nærværstallene hver måned.':
        'Leie innføringa av ny turnusmodell og følgje nærværstala kvar månad.',
    'Samordne vedlikeholdsplanen og klimatilpasningen og prioritere tiltakene i budsjettet.':
        'Samordne vedlikehaldsplanen og klimatilpassinga og prioritere tiltaka i budsjettet.',
    'Utvikle felles målstruktur og rapportmaler og lære opp lederne i bruken.':
        'Utvikle felles målstruktur og rapportmalar og lære opp leiarane i bruken.',
    'Lede arbeidet med kompetanseplanen og samordne rekrutteringstiltakene.':
        'Leie arbeidet med kompetanseplanen og samordne rekrutteringstiltaka.',
    'Gi lederne verktøy og støtte i sykefraværsoppfølgingen.':
        'Gi leiarane verktøy og støtte i oppfølginga av sjukefråvær.',
    'Levere dashbord for økonomi og nærvær fra fagsystemene.':
        'Levere dashbord for økonomi og nærvær frå fagsystema.',
    'Prioritere prosjektporteføljen, lage gevinstkart og følge opp at gevinstene hentes ut.':
        'Prioritere prosjektporteføljen, lage vinstkart og følgje opp at vinstane blir henta ut.',
    'Gjøre nettsidene og servicetorget til en enkel digital inngang.':
        'Gjere nettsidene og servicetorget til ein enkel digital inngang.',
    'Lage medvirkningsveilederen og planlegge innbyggerundersøkelsen.':
        'Lage medverknadsrettleiaren og planleggje innbyggjarundersøkinga.',
    'Omsette handlingsdelens tiltak til mål og tiltak i enhetens virksomhetsplan.':
        'Omsetje tiltaka i handlingsdelen til mål og tiltak i verksemdsplanen til eininga.',
    'Levere tall og vurderinger for Fjellvik skole og delta i prosjektgruppen.':
        'Levere tal og vurderingar for Fjordvik skule og delta i prosjektgruppa.',
    'Belyse konsekvensene for Nordbotn-elevene og skolemiljøet.':
        'Lyse opp konsekvensane for Nordbotn-elevane og skulemiljøet.',
    'Rekruttere barnehagelærere og følge opp dispensasjoner.':
        'Rekruttere barnehagelærarar og følgje opp dispensasjonar.',
    'Framskrive behovet for barnehageplasser og vurdere struktur.':
        'Framskrive behovet for barnehageplassar og vurdere struktur.',
    'Gjennomføre ROS-analyse for barnevernet og følge opp fristavvik.':
        'Gjennomføre ROS-analyse for barnevernet og følgje opp fristavvik.',
    'Sikre at innvandrere og flyktninger blir hørt i medvirkningen.':
        'Sikre at innvandrarar og flyktningar blir høyrde i medverknaden.',
    'Innføre ukentlig avviksgjennomgang i avdelingene.':
        'Innføre vekentleg avviksgjennomgang i avdelingane.',
    'Prøve ut ny turnus med flere hele stillinger i to avdelinger.':
        'Prøve ut ny turnus med fleire heile stillingar i to avdelingar.',
    'Teste og ta i bruk digitalt tilsyn og medisindispensere.':
        'Teste og ta i bruk digitalt tilsyn og medisindispenserar.',
    'Redusere overtid gjennom bedre planlegging av vakter.':
        'Redusere overtida gjennom betre planlegging av vakter.',
    'Ta imot flere leger i spesialisering og praksisstudenter.':
        'Ta imot fleire legar i spesialisering og praksisstudentar.',
    'Lage risikovurdering for drift av bygg, veier og maskiner.':
        'Lage risikovurdering for drift av bygg, vegar og maskinar.',
    'Prioritere driftstiltak i vedlikeholdsplanen for veier og uteområder.':
        'Prioritere driftstiltak i vedlikehaldsplanen for vegar og uteområde.',
    'Bruke medvirkningsveilederen i arbeidet med nye reguleringsplaner.':
        'Bruke medverknadsrettleiaren i arbeidet med nye reguleringsplanar.',
    'Involvere lag og foreninger i frivillighetsstrategien.':
        'Involvere lag og foreiningar i frivilligheitsstrategien.',
    'Vurdere beredskap og vedlikeholdsbehov for egne bygg og utstyr i planen.':
        'Vurdere beredskap og vedlikehaldsbehov for eigne bygg og utstyr i planen.',
    'Kommunedirektørens ledergruppe: kommunedirektøren, kommunalsjefene, økonomisjefen og HR-sjefen':
        'Leiargruppa til kommunedirektøren: kommunedirektøren, kommunalsjefane, økonomisjefen og HR-sjefen',
    'Eiendom og VA':
        'Eigedom og VA',
    'Lederne for vann og avløp og for eiendom':
        'Leiarane for vatn og avløp og for eigedom',
    'Teknisk ledergruppe: drift & vedlikehold, eiendom, vann og avløp og brann og redning':
        'Teknisk leiargruppe: drift & vedlikehald, eigedom, vatn og avløp og brann og redning',
    'Nærmere om grunnlaget for oppdragene':
        'Meir om grunnlaget for oppdraga',
    'Oppdragene bygger på kommuneplanen, økonomiplanen og evalueringen i Kommunekompasset. Under står det viktigste grunnlaget for hvert tjenesteområde.\n\nFelles for alle områdene er at vi må løse mer med samme ramme:\n- færre yngre per eldre innbygger\n- høyere forventninger til digitale tjenester\n-- selvbetjening der det passer\n-- personlig kontakt der det trengs\n- krav om dokumentert internkontroll':
        'Oppdraga byggjer på kommuneplanen, økonomiplanen og evalueringa i Kommunekompasset. Under står det viktigaste grunnlaget for kvart tenesteområde.\n\nFelles for alle områda er at vi må løyse meir med same ramme:\n- færre yngre per eldre innbyggjar\n- høgare forventningar til digitale tenester\n-- sjølvbetening der det passar\n-- personleg kontakt der det trengst\n- krav om dokumentert internkontroll',
    'Elevtallet i Fjellvik går ned i bygdene og opp i sentrum. Barnehagene har god dekning, men rekrutteringen av barnehagelærere er krevende.\n\n- Tidlig innsats og et godt læringsmiljø\n- Samarbeid mellom skole, helsestasjon og PPT\n  - felles tiltaksplan for barn som trenger ekstra støtte':
        'Elevtalet i Fjordvik går ned i bygdene og opp i sentrum. Barnehagane har god dekning, men rekrutteringa av barnehagelærarar er krevjande.\n\n- Tidleg innsats og eit godt læringsmiljø\n- Samarbeid mellom skule, helsestasjon og PPT\n  - felles tiltaksplan for barn som treng ekstra støtte',
    'Behovet for hjemmetjenester øker raskere enn budsjettet. Vi skal dreie innsatsen mot hverdagsmestring og velferdsteknologi.\n\n- Heltidskultur i turnusene\n- Digitalt tilsyn der brukeren ønsker det':
        'Behovet for heimetenester aukar raskare enn budsjettet. Vi skal dreie innsatsen mot kvardagsmeistring og velferdsteknologi.\n\n- Heiltidskultur i turnusane\n- Digitalt tilsyn der brukaren ønskjer det',
    'Hver enhet skal ha en oppdatert kompetanseplan innen 1. juni. Planen viser hvilken kompetanse enheten trenger de neste tre årene, og hvordan den skal skaffes.\n\n- Kartlegg kompetansen i enheten\n- Prioriter tiltak:\n-- videreutdanning\n-- intern opplæring og hospitering\n- Rapporter status i 2. tertial':
        'Kvar eining skal ha ein oppdatert kompetanseplan innan 1. juni. Planen viser kva kompetanse eininga treng dei neste tre åra, og korleis ho skal skaffast.\n\n- Kartlegg kompetansen i eininga\n- Prioriter tiltak:\n-- vidareutdanning\n-- intern opplæring og hospitering\n- Rapporter status i 2. tertial',
    'Ledelse og medarbeidere':
        'Leiing og medarbeidarar',
    'Gode tjenester forutsetter tydelig ledelse og medarbeidere som blir sett. Lederplattformen beskriver hva vi forventer av ledere i Fjellvik kommune.\n\n- Medarbeidersamtale med alle minst én gang i året\n- Oppfølging av medarbeiderundersøkelsen i hver enhet':
        'Gode tenester føreset tydeleg leiing og medarbeidarar som blir sette. Leiarplattforma skildrar kva vi ventar av leiarar i Fjordvik kommune.\n\n- Medarbeidarsamtale med alle minst éin gong i året\n- Oppfølging av medarbeidarundersøkinga i kvar eining',
    'Andre føringer og forventninger til ledere':
        'Andre føringar og forventningar til leiarar',
    'I tillegg til ansvaret over forventer kommunedirektøren at lederen\n- er en tydelig og synlig leder for sine medarbeidere\n- deler informasjon og bidrar i ledernettverket\n-- deltar på ledersamlingene\n-- tar initiativ til samarbeid på tvers av enhetene\n- følger opp vedtatte planer og gir tidlig beskjed om avvik':
        'I tillegg til ansvaret over ventar kommunedirektøren at leiaren\n- er ein tydeleg og synleg leiar for medarbeidarane sine\n- deler informasjon og bidreg i leiarnettverket\n-- deltek på leiarsamlingane\n-- tek initiativ til samarbeid på tvers av einingane\n- følgjer opp vedtekne planar og gir tidleg beskjed om avvik',
    'Lederen skal være et forbilde i etiske spørsmål og følge kommunens etiske retningslinjer.\n\n- Si fra om kritikkverdige forhold, og sørg for at medarbeidere trygt kan gjøre det samme\n- Registrer verv og interesser som kan gi inhabilitet':
        'Leiaren skal vere eit førebilete i etiske spørsmål og følgje dei etiske retningslinjene til kommunen.\n\n- Sei frå om kritikkverdige forhold, og syt for at medarbeidarar trygt kan gjere det same\n- Registrer verv og interesser som kan gi inhabilitet',
    'Viktige hendelser i perioden':
        'Viktige hendingar i perioden',
    'Kort om det som har preget driften siden forrige rapport.\n\n- Flommen i Storelva i mai\n-- beredskapsrådet samlet i to døgn\n-- skader på kommunal vei for om lag 2 mill. kr\n- Ny avtale om legevakt med nabokommunene':
        'Kort om det som har prega drifta sidan førre rapport.\n\n- Flaumen i Storelva i mai\n-- beredskapsrådet samla i to døgn\n-- skadar på kommunal veg for om lag 2 mill. kr\n- Ny avtale om legevakt med nabokommunane',
    'Om delstrategiene':
        'Om delstrategiane',
    'Evalueringen pekte på noen få områder der innsatsen gir mest igjen. Hvert av dem har fått sin egen delstrategi med begrunnelse, suksesskriterier og hovedoppgaver.\n\n- Delstrategiene gjelder hele organisasjonen\n- De følges opp gjennom\n-- oppdragsbrevet\n-- lederavtalene\n-- tertialrapportene':
        'Evalueringa peika på nokre få område der innsatsen gir mest att. Kvart av dei har fått sin eigen delstrategi med grunngjeving, suksesskriterium og hovudoppgåver.\n\n- Delstrategiane gjeld heile organisasjonen\n- Dei blir følgde opp gjennom\n-- oppdragsbrevet\n-- leiaravtalane\n-- tertialrapportane',
    'Slik leser du delstrategiene':
        'Slik les du delstrategiane',
    'Hver delstrategi forklarer først hvorfor den er valgt. Deretter kommer suksesskriteriene, og til slutt innholdet med hovedoppgavene.':
        'Kvar delstrategi forklarer først kvifor han er vald. Deretter kjem suksesskriteria, og til slutt innhaldet med hovudoppgåvene.',
    'Gevinstkart for tre digitaliseringsprosjekter':
        'Gevinstkart for tre digitaliseringsprosjekt',
    'Godkjent i KLG':
        'Godkjent i KLG',
    'Første gevinstrealisering rapportert':
        'Første gevinstrealisering rapportert',
    'Målt gevinst i 2. tertialrapport':
        'Målt gevinst i 2. tertialrapport',
    'Innen 2. tertial':
        'Innan 2. tertial',
    'Heltidsplan for helse og omsorg vedtatt':
        'Heiltidsplan for helse og omsorg vedteken',
    'Vedtak i kommunestyret':
        'Vedtak i kommunestyret',
    'Nytt sak/arkiv-system':
        'Nytt sak/arkiv-system',
    'Systemet tatt i bruk':
        'Systemet teke i bruk',
    'Alle enheter arkiverer i det nye systemet':
        'Alle einingar arkiverer i det nye systemet',
    'Handlingsplan for økt heltidskultur i helse og omsorg legges fram.':
        'Handlingsplan for auka heiltidskultur i helse og omsorg blir lagd fram.',
    'Lagt fram i PS 21/26.':
        'Lagd fram i PS 21/26.',
    'Utrede felles skolekrets for Nordbyen og Fjellvik sentrum.':
        'Greie ut felles skulekrins for Nordbyen og Fjellvik sentrum.',
    'Høring av foreldreutvalgene i september.':
        'Høyring av foreldreutvala i september.',
    'Revidere gebyrregulativet for plan- og byggesak.':
        'Revidere gebyrregulativet for plan- og byggesak.',
    'Vedtatt i KS 34/26.':
        'Vedteke i KS 34/26.',
    'Plan for digital hjemmeoppfølging i hjemmetjenesten.':
        'Plan for digital heimeoppfølging i heimetenesta.',
    'Forsinket; anskaffelsen av utstyr er utsatt til høsten.':
        'Forseinka; innkjøpet av utstyr er utsett til hausten.',
    'Tiltaksplan for å redusere overtid i sykehjemmene.':
        'Tiltaksplan for å redusere overtid på sjukeheimane.',
    'Hovedplan for vann og avløp rulleres.':
        'Hovudplan for vatn og avløp blir rullert.',
    'Orientering om sykefraværet per enhet hvert tertial.':
        'Orientering om sjukefråværet per eining kvart tertial.',
    'Fast del av tertialrapporten.':
        'Fast del av tertialrapporten.',
    'Budsjettjustering for ressurskrevende tjenester.':
        'Budsjettjustering for ressurskrevjande tenester.',
    'Tas med i budsjettreguleringen i september.':
        'Blir teken med i budsjettreguleringa i september.',
    'Fjellvik skole, rehabilitering':
        'Fjordvik skule, rehabilitering',
    'Uteområde Nordbyen barnehage':
        'Uteområde Nordbyen barnehage',
    'Omsorgsboliger Solbakken':
        'Omsorgsbustader Solbakken',
    'Hovedplan vann og avløp':
        'Hovudplan vatn og avløp',
    'Anbudene ligger over kalkylen.':
        'Anboda ligg over kalkylen.',
    '1,5 mill. forskyves til 2027.':
        '1,5 mill. blir forskote til 2027.',
    'Byggestart utsatt to måneder; 5 mill. til 2027.':
        'Byggjestart utsett to månader; 5 mill. til 2027.',
    'Ekstra ledningsfornying etter lekkasje i juni.':
        'Ekstra leidningsfornying etter lekkasje i juni.',
    'Kommunedirektøren eier delstrategien, og økonomisjefen leder arbeidet. Den kommunale ledergruppen (KLG) følger den opp hvert tertial og rapporterer til kommunestyret i tertialrapporten.\n\nEnhetslederne har ansvaret for risikovurderingene i egen enhet, med støtte fra et fast internkontrollnettverk som møtes fire ganger i året.':
        'Kommunedirektøren eig delstrategien, og økonomisjefen leier arbeidet. Den kommunale leiargruppa (KLG) følgjer han opp kvart tertial og rapporterer til kommunestyret i tertialrapporten.\n\nEiningsleiarane har ansvaret for risikovurderingane i eiga eining, med støtte frå eit fast internkontrollnettverk som møtest fire gonger i året.',
    'Personalsjefen eier delstrategien. Lederutviklingsprogrammet drives av personal og organisasjon sammen med de tillitsvalgte og hovedverneombudet i et eget partssammensatt utvalg, som rapporterer til AMU.':
        'Personalsjefen eig delstrategien. Leiarutviklingsprogrammet blir drive av personal og organisasjon saman med dei tillitsvalde og hovudverneombodet i eit eige partssamansett utval, som rapporterer til AMU.',
    'Digitaliseringsrådet, ledet av IKT-leder, prioriterer porteføljen av digitaliseringsprosjekter og melder gevinstene til KLG. Hvert prosjekt har en eier i tjenesten og en gevinstansvarlig; IKT står for arkitektur og sikkerhet.':
        'Digitaliseringsrådet, leidd av IKT-leiaren, prioriterer porteføljen av digitaliseringsprosjekt og melder gevinstane til KLG. Kvart prosjekt har ein eigar i tenesta og ein gevinstansvarleg; IKT står for arkitektur og tryggleik.',
}
