import Records

/// The usual French (and English) headings of job postings and training offers, and the part
/// of the text each one opens.
enum Headings {
    static let list: [(String, Section)] = {
        var out: [(String, Section)] = []
        func add(_ s: Section, _ phrases: String) {
            for p in phrases.split(separator: "|") { out.append((p.trimmingCharacters(in: .whitespaces), s)) }
        }
        add(.missions, """
        missions|vos missions|votre mission|les missions|missions principales|principales missions|vos principales missions|\
        description du poste|descriptif du poste|le poste|poste|présentation du poste|votre rôle|rôle|vos responsabilités|\
        responsabilités|activités|vos activités|activités principales|ce que vous ferez|au quotidien|job description|the role|\
        your role|your mission|your missions|responsibilities|what you will do|missions et activités|description de la mission|\
        mission|descriptif de la mission|vos tâches|tâches|le job|missions du poste|description des missions|\
        détail des missions|vos futures missions|ta mission|tes missions|le projet|le challenge|définition du poste|\
        description de l’offre|descriptif de l’offre|l’offre
        """)
        add(.profile, """
        profil|profil recherché|votre profil|profil souhaité|profil candidat|profil du candidat|description du profil|\
        le profil|profil idéal|ton profil|compétences|compétences requises|compétences recherchées|compétences attendues|\
        compétences techniques|compétences et qualités|savoir-faire|savoir-être|savoir faire|savoir être|qualifications|\
        qualités requises|qualités|prérequis|pré-requis|requis|exigences|formation|formation et expérience|expérience|\
        expérience requise|ce que nous recherchons|qui êtes-vous|vous êtes|vous|your profile|requirements|skills|\
        who you are|what we are looking for|connaissances|connaissances requises|diplôme|diplômes|atouts|les plus|bonus|\
        niveau d’études|niveau requis|aptitudes|stack technique|environnement technique|technologies|outils|\
        qualifications requises|compétences clés|hard skills|soft skills
        """)
        add(.company, """
        qui sommes-nous|qui sommes nous|à propos|à propos de nous|à propos de l’entreprise|l’entreprise|entreprise|\
        notre entreprise|présentation de l’entreprise|description de l’entreprise|descriptif de l’entreprise|\
        présentation de la société|présentation|notre société|la société|l’employeur|pourquoi nous rejoindre|\
        pourquoi rejoindre|pourquoi nous choisir|nous rejoindre|rejoignez-nous|rejoindre|about us|about|who we are|\
        why join us|the company|company description|notre histoire|nos valeurs|notre équipe|l’équipe|la structure|\
        l’organisation|la collectivité|notre client|le client|notre cabinet|l’agence|le groupe|notre groupe|\
        présentation de la structure|présentation de l’employeur|l’établissement|présentation de l’établissement
        """)
        add(.benefits, """
        nos avantages|avantages|avantages sociaux|les avantages|ce que nous offrons|ce que nous proposons|\
        ce que nous vous offrons|ce que nous vous proposons|nous vous offrons|nous offrons|nous vous proposons|\
        nous proposons|ce que l’on vous propose|ce qu’on vous propose|rémunération|rémunération et avantages|salaire|\
        package|conditions|conditions de travail|conditions d’emploi|benefits|perks|what we offer|\
        informations complémentaires|infos pratiques|informations pratiques|modalités|télétravail|lieu de travail|\
        type de contrat|contrat|pourquoi nous|les petits plus|on vous offre|ce qui vous attend
        """)
        add(.process, """
        processus de recrutement|process de recrutement|déroulement des entretiens|le processus|processus|recrutement|\
        candidature|pour postuler|comment postuler|modalités de candidature|envie d’en savoir plus|hiring process|\
        interview process|recruitment process|contact|pour candidater|candidater|postuler|les étapes|étapes du recrutement
        """)
        add(.objectives, """
        objectifs|objectif|objectifs de la formation|objectif de la formation|objectifs pédagogiques|\
        résultats attendus|compétences visées|compétences acquises|à l’issue de la formation
        """)
        add(.content, """
        contenu|contenu de la formation|programme|programme de la formation|modules|déroulé|déroulé pédagogique
        """)
        add(.prerequisites, """
        prérequis de la formation|conditions d’accès|conditions d’admission|public visé|public concerné|public|\
        pour qui|admission|accès à la formation
        """)
        return out
    }()
}
