<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>countersign::models::ActionReport</name>
    <message>
        <source>Countersign action report %1</source>
        <translation>Rapport d’action Countersign %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Action %1</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolue</translation>
    </message>
    <message>
        <source>Digest (recomputed by the console)</source>
        <translation>Empreinte (recalculée par la console)</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Identifiant de trace</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Tool arguments (exactly as the tool receives them)</source>
        <translation>Arguments de l’outil (exactement tels que l’outil les reçoit)</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Périmètres de données</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>aucun déclaré</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Chaîne d’autorité</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Identifiant de clé</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>Incident timeline (audit log)</source>
        <translation>Chronologie de l’incident (journal d’audit)</translation>
    </message>
</context>
<context>
    <name>countersign::core::ActionReview</name>
    <message numerus="yes">
        <source>… and %n more flag(s) of the same kinds; the content itself is shown in full.</source>
        <translation>
            <numerusform>… et %n autre signalement du même type&#xa0;; le contenu lui-même est affiché en entier.</numerusform>
            <numerusform>… et %n autres signalements des mêmes types&#xa0;; le contenu lui-même est affiché en entier.</numerusform>
        </translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>request</source>
        <translation>demande</translation>
    </message>
</context>
<context>
    <name>countersign::core::ActionRisk</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> et %n autre</numerusform>
            <numerusform> et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <source>Reaches addresses outside the tenant&apos;s domains (%1): %2.</source>
        <translation>Atteint des adresses hors des domaines du locataire (%1)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Reaches addresses outside the requesting user&apos;s domain (%1): %2.</source>
        <translation>Atteint des adresses hors du domaine de l’utilisateur demandeur (%1)&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Reaches these addresses, and no tenant domain is known, so all count as external: %1.</source>
        <translation>Atteint ces adresses&#xa0;; aucun domaine du locataire n’étant connu, toutes sont considérées comme externes&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Sends data to destinations whose domain cannot be told: %1.</source>
        <translation>Envoie des données vers des destinations dont le domaine ne peut pas être déterminé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>External recipients</source>
        <translation>Destinataires externes</translation>
    </message>
    <message>
        <source>Irreversible</source>
        <translation>Irréversible</translation>
    </message>
    <message>
        <source>The tool declares that what it does cannot be undone: once approved, it stays done.</source>
        <translation>L’outil déclare que son effet ne peut pas être annulé&#xa0;: une fois approuvé, c’est définitif.</translation>
    </message>
    <message>
        <source>Destructive</source>
        <translation>Destructeur</translation>
    </message>
    <message>
        <source>The tool declares that it may delete or overwrite data or resources.</source>
        <translation>L’outil déclare qu’il peut supprimer ou écraser des données ou des ressources.</translation>
    </message>
    <message>
        <source>Touches restricted data: %1.</source>
        <translation>Touche des données à diffusion restreinte&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Changes or sends confidential data: %1.</source>
        <translation>Modifie ou envoie des données confidentielles&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Données sensibles</translation>
    </message>
    <message>
        <source>Restricted data</source>
        <translation>Données à diffusion restreinte</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Untrusted evidence</source>
        <translation>Sources non fiables</translation>
    </message>
    <message>
        <source>Relies on sources that people outside your control can write: %1. Instructions planted there may have steered the agent.</source>
        <translation>S’appuie sur des sources que des personnes hors de votre contrôle peuvent écrire&#xa0;: %1. Des instructions qui y ont été placées ont pu orienter l’agent.</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>aucune source</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>written from user-generated content</source>
        <translation>écrit à partir de contenu généré par des utilisateurs</translation>
    </message>
    <message numerus="yes">
        <source>older than %n days</source>
        <translation>
            <numerusform>plus ancien que %n jour</numerusform>
            <numerusform>plus ancien que %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>âge inconnu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Stale or unsourced memory</source>
        <translation>Mémoire périmée ou sans source</translation>
    </message>
    <message>
        <source>Relies on agent memory that may be stale or planted (%1).</source>
        <translation>S’appuie sur une mémoire de l’agent qui peut être périmée ou implantée (%1).</translation>
    </message>
</context>
<context>
    <name>countersign::models::AuditVerification</name>
    <message>
        <source>a verification is already running</source>
        <translation>une vérification est déjà en cours</translation>
    </message>
    <message>
        <source>Verification cancelled after entry %1; nothing is proven beyond what was checked.</source>
        <translation>Vérification annulée après l’entrée %1&#xa0;; rien n’est prouvé au-delà de ce qui a été vérifié.</translation>
    </message>
</context>
<context>
    <name>countersign::core::AuthorityChainCheck</name>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>outil</translation>
    </message>
    <message>
        <source>Does not say who delegated it; the link before it is %1.</source>
        <translation>N’indique pas qui l’a délégué&#xa0;; le maillon précédent est %1.</translation>
    </message>
    <message>
        <source>Says it was delegated by %1, but the link before it is %2: the chain is broken.</source>
        <translation>Indique avoir été délégué par %1, mais le maillon précédent est %2&#xa0;: la chaîne est rompue.</translation>
    </message>
    <message>
        <source>Escalation: holds %1, broader than %2 held by %3 (the link it was delegated from); a dropped or changed limit widens the authority.</source>
        <translation>Élévation&#xa0;: détient %1, plus large que %2 détenu par %3 (le maillon qui l’a délégué)&#xa0;; une limite supprimée ou modifiée élargit l’autorité.</translation>
    </message>
    <message>
        <source>Escalation: holds %1, which %2 (the link it was delegated from) does not hold.</source>
        <translation>Élévation&#xa0;: détient %1, que %2 (le maillon qui l’a délégué) ne détient pas.</translation>
    </message>
    <message>
        <source>Expired at %1: this authority has lapsed.</source>
        <translation>Expiré le %1&#xa0;: cette autorité est caduque.</translation>
    </message>
    <message>
        <source>Not valid yet: issued at %1, which is in the future by this computer&apos;s clock.</source>
        <translation>Pas encore valide&#xa0;: émis le %1, une date future selon l’horloge de cet ordinateur.</translation>
    </message>
    <message>
        <source>Expires (%1) before it was issued (%2): the credential&apos;s validity makes no sense.</source>
        <translation>Expire (%1) avant d’avoir été émis (%2)&#xa0;: la validité de l’identifiant n’a pas de sens.</translation>
    </message>
    <message>
        <source>The authority chain is empty: nothing shows who authorised this action.</source>
        <translation>La chaîne d’autorité est vide&#xa0;: rien n’indique qui a autorisé cette action.</translation>
    </message>
    <message>
        <source>No user link: no human is named as the source of this authority.</source>
        <translation>Aucun maillon utilisateur&#xa0;: aucun humain n’est désigné comme source de cette autorité.</translation>
    </message>
    <message>
        <source>The chain does not reach the tool being called (%1).</source>
        <translation>La chaîne n’atteint pas l’outil appelé (%1).</translation>
    </message>
    <message>
        <source>Missing user link: the chain starts at %1 %2, so no human is named as the source of this authority.</source>
        <translation>Maillon utilisateur manquant&#xa0;: la chaîne commence à %1 %2, aucun humain n’est donc désigné comme source de cette autorité.</translation>
    </message>
    <message>
        <source>The chain ends at %1 %2, not at a tool: it does not reach the tool being called (%3).</source>
        <translation>La chaîne se termine à %1 %2, pas à un outil&#xa0;: elle n’atteint pas l’outil appelé (%3).</translation>
    </message>
    <message>
        <source>The chain ends at tool %1, but the action calls %2.</source>
        <translation>La chaîne se termine à l’outil %1, mais l’action appelle %2.</translation>
    </message>
</context>
<context>
    <name>countersign::models::AuthorityChainModel</name>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>outil</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>(origin of the chain)</source>
        <translation>(origine de la chaîne)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>no expiry given</source>
        <translation>aucune expiration indiquée</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <source>Delegated by</source>
        <translation>Délégué par</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Auth method</source>
        <translation>Méthode d’authentification</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
</context>
<context>
    <name>countersign::net::BrokerConnection</name>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Authentification…</translation>
    </message>
    <message>
        <source>Catching up with the broker…</source>
        <translation>Synchronisation avec le courtier…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <source>Connection lost — retrying in %1 s (attempt %2)</source>
        <translation>Connexion perdue — nouvel essai dans %1 s (tentative %2)</translation>
    </message>
    <message>
        <source>The broker&apos;s certificate is not trusted yet</source>
        <translation>Le certificat du courtier n’est pas encore approuvé</translation>
    </message>
    <message>
        <source>Connection refused — see the message above</source>
        <translation>Connexion refusée — voir le message ci-dessus</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>Échec TLS</translation>
    </message>
    <message>
        <source>The signing key is locked; unlock it to connect.</source>
        <translation>La clé de signature est verrouillée&#xa0;; déverrouillez-la pour vous connecter.</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ConnectionBanner</name>
    <message>
        <source>Connection state</source>
        <translation>État de la connexion</translation>
    </message>
    <message>
        <source> — nothing can be signed until the console is connected.</source>
        <translation> — rien ne peut être signé tant que la console n’est pas connectée.</translation>
    </message>
</context>
<context>
    <name>countersign::app::ConsoleApplication</name>
    <message>
        <source>This is the first start: Countersign creates your personal signing key.</source>
        <translation>Premier démarrage&#xa0;: Countersign crée votre clé de signature personnelle.</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Could not create the key: %1</source>
        <translation>Impossible de créer la clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>Votre clé de signature</translation>
    </message>
    <message>
        <source>Your key id is

%1

Give the public key file
%2
to your broker&apos;s administrator to enrol you:

countersignd approver add --config … --name &quot;Your Name&quot; --role approver --tenant … --pubkey approver.pub</source>
        <translation>L’identifiant de votre clé est

%1

Remettez le fichier de clé publique
%2
à l’administrateur de votre courtier pour qu’il vous inscrive&#xa0;:

countersignd approver add --config … --name &quot;Votre nom&quot; --role approver --tenant … --pubkey approver.pub</translation>
    </message>
    <message>
        <source>Start a local demo broker with a demo agent and a demo approver key.</source>
        <translation>Démarrer un courtier de démonstration local avec un agent et une clé d’approbateur de démonstration.</translation>
    </message>
    <message>
        <source>Use the connection profile NAME.</source>
        <translation>Utiliser le profil de connexion NAME.</translation>
    </message>
    <message>
        <source>Start with the signing key locked.</source>
        <translation>Démarrer avec la clé de signature verrouillée.</translation>
    </message>
    <message>
        <source>Review and sign high-impact AI agent actions.</source>
        <translation>Examiner et signer les actions à fort impact des agents d’IA.</translation>
    </message>
    <message>
        <source>Countersign is already running; its window was raised.</source>
        <translation>Countersign est déjà lancé&#xa0;; sa fenêtre a été mise au premier plan.</translation>
    </message>
    <message>
        <source>Countersign demo</source>
        <translation>Démo Countersign</translation>
    </message>
    <message>
        <source>The demo broker did not start: %1</source>
        <translation>Le courtier de démonstration n’a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Countersign — demo (a local broker; nothing real is sent)</source>
        <translation>Countersign — démo (un courtier local&#xa0;; rien de réel n’est envoyé)</translation>
    </message>
    <message>
        <source>Pin the broker&apos;s public key (its keys/broker.pub) in the profile; audit verification uses it.</source>
        <translation>Épingler la clé publique du courtier (son keys/broker.pub) dans le profil&#xa0;; la vérification d’audit l’utilise.</translation>
    </message>
    <message>
        <source>Cannot pin the broker key: %1</source>
        <translation>Impossible d’épingler la clé du courtier&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>countersign::app::ConsoleController</name>
    <message>
        <source>Your signing key is locked. Unlock it to sign decisions.</source>
        <translation>Votre clé de signature est verrouillée. Déverrouillez-la pour signer des décisions.</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>impossible de créer %1</translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>Approbation requise</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>Your signing key is locked (File → Lock/unlock).</source>
        <translation>Votre clé de signature est verrouillée (Fichier → Verrouiller/déverrouiller).</translation>
    </message>
    <message>
        <source>Not connected to the broker: nothing can be signed until the connection is back.</source>
        <translation>Non connecté au courtier&#xa0;: rien ne peut être signé tant que la connexion n’est pas rétablie.</translation>
    </message>
    <message>
        <source>The action is no longer in the queue.</source>
        <translation>L’action n’est plus dans la file d’attente.</translation>
    </message>
    <message>
        <source>The deadline has passed; the action is expired and can no longer be decided.</source>
        <translation>Le délai est dépassé&#xa0;; l’action a expiré et ne peut plus être décidée.</translation>
    </message>
    <message>
        <source>the key is locked</source>
        <translation>la clé est verrouillée</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Your key does not have the on-call role: only on-call keys may engage, release or drill kill switches (the broker enforces this too).</source>
        <translation>Votre clé n’a pas le rôle d’astreinte&#xa0;: seules les clés d’astreinte peuvent déclencher, lever ou tester des arrêts d’urgence (le courtier l’impose aussi).</translation>
    </message>
    <message>
        <source>Unknown scope.</source>
        <translation>Portée inconnue.</translation>
    </message>
    <message>
        <source>Pick or type the target for a %1 switch.</source>
        <translation>Choisissez ou saisissez la cible d’un arrêt d’urgence de type %1.</translation>
    </message>
    <message>
        <source>Global (every tenant, agent, user and tool)</source>
        <translation>Global (tous les locataires, agents, utilisateurs et outils)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: new actions will be accepted again; actions already killed stay killed.</source>
        <translation>%1&#xa0;: les nouvelles actions seront de nouveau acceptées&#xa0;; les actions déjà stoppées le restent.</translation>
    </message>
    <message>
        <source>%1: a drill; nothing is engaged.</source>
        <translation>%1&#xa0;: un exercice&#xa0;; rien n’est déclenché.</translation>
    </message>
    <message>
        <source>%1: 1 pending action will be killed; new actions refused</source>
        <translation>%1&#xa0;: 1 action en attente sera stoppée&#xa0;; les nouvelles actions seront refusées</translation>
    </message>
    <message>
        <source>%1: %2 pending actions will be killed; new actions refused</source>
        <translation>%1&#xa0;: %2 actions en attente seront stoppées&#xa0;; les nouvelles actions seront refusées</translation>
    </message>
    <message>
        <source>No such switch is active.</source>
        <translation>Aucun arrêt d’urgence de ce type n’est actif.</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Une raison est requise.</translation>
    </message>
    <message>
        <source>The typed name does not match &quot;%1&quot;: nothing was engaged or released.</source>
        <translation>Le nom saisi ne correspond pas à « %1 »&#xa0;: rien n’a été déclenché ni levé.</translation>
    </message>
    <message>
        <source>Not connected to the broker.</source>
        <translation>Non connecté au courtier.</translation>
    </message>
    <message>
        <source>the connection profile pins no broker public key (countersign --pin-broker-key)</source>
        <translation>le profil de connexion n’épingle aucune clé publique de courtier (countersign --pin-broker-key)</translation>
    </message>
    <message>
        <source>countersign console (%1)</source>
        <translation>console countersign (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) chosen in the history view</source>
        <translation>
            <numerusform>%n action choisie dans l’historique</numerusform>
            <numerusform>%n actions choisies dans l’historique</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::models::DataScopeModel</name>
    <message>
        <source>not listed</source>
        <translation>non listé</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Classification</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Champs</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Why it stands out</source>
        <translation>Pourquoi c’est signalé</translation>
    </message>
</context>
<context>
    <name>countersign::ui::DecisionDialog</name>
    <message>
        <source>APPROVE</source>
        <translation>APPROUVER</translation>
    </message>
    <message>
        <source>DENY</source>
        <translation>REFUSER</translation>
    </message>
    <message>
        <source>You are about to sign:

  Verdict:      %1
  Action:       %2
  Tool / agent: %3 / %4
  Digest:       %5
  Signed by:    %6
  Time (UTC):   %7

The digest was computed by this console from the action it displayed.</source>
        <translation>Vous êtes sur le point de signer&#xa0;:

  Décision&#xa0;:       %1
  Action&#xa0;:         %2
  Outil / agent&#xa0;:  %3 / %4
  Empreinte&#xa0;:      %5
  Signé par&#xa0;:      %6
  Heure (UTC)&#xa0;:    %7

L’empreinte a été calculée par cette console à partir de l’action affichée.</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>Approuver et signer</translation>
    </message>
    <message>
        <source>Deny and sign</source>
        <translation>Refuser et signer</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Raison (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>Raison (facultative)&#xa0;:</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Raison de la décision</translation>
    </message>
    <message>
        <source>Sign and send</source>
        <translation>Signer et envoyer</translation>
    </message>
    <message>
        <source>Sign and send the decision</source>
        <translation>Signer et envoyer la décision</translation>
    </message>
    <message>
        <source>Policy requires a reason for this decision.</source>
        <translation>La politique exige une raison pour cette décision.</translation>
    </message>
</context>
<context>
    <name>countersign::models::DecisionsModel</name>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>INVALID: %1</source>
        <translation>INVALIDE&#xa0;: %1</translation>
    </message>
    <message>
        <source>key unknown: cannot be checked</source>
        <translation>clé inconnue&#xa0;: vérification impossible</translation>
    </message>
    <message>
        <source>valid, but the key was revoked since (%1)</source>
        <translation>valide, mais la clé a été révoquée depuis (%1)</translation>
    </message>
    <message>
        <source>MISMATCH: the statement is about another action</source>
        <translation>DIVERGENCE&#xa0;: la déclaration porte sur une autre action</translation>
    </message>
    <message>
        <source>matches the displayed action</source>
        <translation>correspond à l’action affichée</translation>
    </message>
    <message>
        <source>MISMATCH: signed %1, displayed action is %2</source>
        <translation>DIVERGENCE&#xa0;: signé %1, l’action affichée est %2</translation>
    </message>
    <message>
        <source>(unknown approver)</source>
        <translation>(approbateur inconnu)</translation>
    </message>
    <message>
        <source>(no time)</source>
        <translation>(pas d’heure)</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Approbateur</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Identifiant de clé</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
</context>
<context>
    <name>countersign::app::DemoAgent</name>
    <message>
        <source>Demo: the tool call was simulated, nothing was sent.</source>
        <translation>Démo&#xa0;: l’appel d’outil a été simulé, rien n’a été envoyé.</translation>
    </message>
</context>
<context>
    <name>countersign::app::DemoBroker</name>
    <message>
        <source>countersignd %1 failed: %2</source>
        <translation>countersignd %1 a échoué&#xa0;: %2</translation>
    </message>
    <message>
        <source>countersignd was not found next to countersign or on PATH</source>
        <translation>countersignd est introuvable à côté de countersign et dans le PATH</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>impossible de créer un répertoire temporaire</translation>
    </message>
    <message>
        <source>the bundled scenario %1 is missing</source>
        <translation>le scénario fourni %1 est manquant</translation>
    </message>
    <message>
        <source>the demo broker did not start</source>
        <translation>le courtier de démonstration n’a pas démarré</translation>
    </message>
    <message>
        <source>the demo broker has no certificate</source>
        <translation>le courtier de démonstration n’a pas de certificat</translation>
    </message>
</context>
<context>
    <name>countersign::app::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
</context>
<context>
    <name>countersign::models::EvidenceExport</name>
    <message>
        <source>no actions to export</source>
        <translation>aucune action à exporter</translation>
    </message>
    <message>
        <source>action %1 is not in the local cache</source>
        <translation>l’action %1 n’est pas dans le cache local</translation>
    </message>
    <message>
        <source>the cached audit log has no entries for %1 yet; sync and try again</source>
        <translation>le journal d’audit en cache n’a pas encore d’entrée pour %1 ; synchronisez puis réessayez</translation>
    </message>
    <message>
        <source>no signed checkpoint covers these actions yet; wait for the broker&apos;s next checkpoint, sync, and export again (%1)</source>
        <translation>aucun point de contrôle signé ne couvre encore ces actions ; attendez le prochain point de contrôle du courtier, synchronisez, puis exportez de nouveau (%1)</translation>
    </message>
</context>
<context>
    <name>countersign::models::EvidenceModel</name>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>%1 (untrusted)</source>
        <translation>%1 (non fiable)</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>aucun indiqué</translation>
    </message>
    <message>
        <source>Excerpt: </source>
        <translation>Extrait&#xa0;: </translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Source authority</source>
        <translation>Autorité de la source</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Utilisé pour</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
</context>
<context>
    <name>countersign::models::HistoryModel</name>
    <message>
        <source>Submitted</source>
        <translation>Soumise</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Approbateurs</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
</context>
<context>
    <name>countersign::models::HistorySync</name>
    <message>
        <source>the connection to the broker was lost during the sync</source>
        <translation>la connexion au courtier a été perdue pendant la synchronisation</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>cannot store audit entries: %1</source>
        <translation>impossible d’enregistrer les entrées d’audit&#xa0;: %1</translation>
    </message>
    <message>
        <source>cannot store history: %1</source>
        <translation>impossible d’enregistrer l’historique&#xa0;: %1</translation>
    </message>
    <message>
        <source>the broker refused the history request: %1</source>
        <translation>le courtier a refusé la demande d’historique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>countersign::ui::HistoryView</name>
    <message>
        <source>History cache state</source>
        <translation>État du cache d’historique</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <source>2026-12-01T00:00:00Z</source>
        <translation>2026-12-01T00:00:00Z</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Au&#xa0;:</translation>
    </message>
    <message>
        <source>submitted before</source>
        <translation>soumises avant</translation>
    </message>
    <message>
        <source>T&amp;enant:</source>
        <translation>Lo&amp;cataire&#xa0;:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Too&amp;l:</source>
        <translation>Ou&amp;til&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;pprover:</source>
        <translation>A&amp;pprobateur&#xa0;:</translation>
    </message>
    <message>
        <source>name or key id</source>
        <translation>nom ou identifiant de clé</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Règle&#xa0;:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>I&amp;ssue&#xa0;:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>Re&amp;chercher&#xa0;:</translation>
    </message>
    <message>
        <source>words in tool arguments and evidence</source>
        <translation>mots dans les arguments d’outil et les sources</translation>
    </message>
    <message>
        <source>Search tool arguments and evidence</source>
        <translation>Rechercher dans les arguments d’outil et les sources</translation>
    </message>
    <message>
        <source>Resolved actions</source>
        <translation>Actions résolues</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>E&amp;xamen</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Décisions</translation>
    </message>
    <message>
        <source>&amp;Copy trace id</source>
        <translation>&amp;Copier l’identifiant de trace</translation>
    </message>
    <message>
        <source>Copy the trace id to the clipboard</source>
        <translation>Copier l’identifiant de trace dans le presse-papiers</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>Chronologie de l’incident</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>C&amp;hronologie</translation>
    </message>
    <message>
        <source>Audit seq from</source>
        <translation>Séquence d’audit à partir de</translation>
    </message>
    <message>
        <source>Verify from audit seq</source>
        <translation>Vérifier à partir de la séquence d’audit</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>newest cached</source>
        <translation>la plus récente en cache</translation>
    </message>
    <message>
        <source>Verify up to audit seq (newest cached when empty)</source>
        <translation>Vérifier jusqu’à la séquence d’audit (vide&#xa0;: la plus récente en cache)</translation>
    </message>
    <message>
        <source>Verify &amp;audit log</source>
        <translation>Vérifier le journal d’&amp;audit</translation>
    </message>
    <message>
        <source>Audit verification progress</source>
        <translation>Progression de la vérification d’audit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>Enregistrer le &amp;rapport…</translation>
    </message>
    <message>
        <source>Save a readable report of the selected action</source>
        <translation>Enregistrer un rapport lisible de l’action sélectionnée</translation>
    </message>
    <message>
        <source>E&amp;xport evidence…</source>
        <translation>E&amp;xporter les preuves…</translation>
    </message>
    <message>
        <source>Export the selected action, or every action the filter shows, as an evidence bundle</source>
        <translation>Exporter l’action sélectionnée, ou toutes les actions affichées par le filtre, sous forme de lot de preuves</translation>
    </message>
    <message numerus="yes">
        <source>%n resolved action(s) in the local cache</source>
        <translation>
            <numerusform>%n action résolue dans le cache local</numerusform>
            <numerusform>%n actions résolues dans le cache local</numerusform>
        </translation>
    </message>
    <message>
        <source> · broker unreachable: showing the cache as of the last sync</source>
        <translation> · courtier injoignable&#xa0;: affichage du cache à la dernière synchronisation</translation>
    </message>
    <message>
        <source> · syncing with the broker…</source>
        <translation> · synchronisation avec le courtier…</translation>
    </message>
    <message>
        <source> · sync failed: %1</source>
        <translation> · échec de la synchronisation&#xa0;: %1</translation>
    </message>
    <message>
        <source> · up to date with the broker</source>
        <translation> · à jour avec le courtier</translation>
    </message>
    <message>
        <source>%1 is not a time like 2026-12-01 or 2026-12-01T09:00:00Z</source>
        <translation>%1 n’est pas une date comme 2026-12-01 ou 2026-12-01T09:00:00Z</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>No human decision: the policy resolved this action (or it expired or was killed).</source>
        <translation>Aucune décision humaine&#xa0;: la politique a résolu cette action (ou elle a expiré ou été stoppée).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n decision(s) verified locally: signature by the approver&apos;s enrolled key and digest of the action as displayed.</source>
        <translation>
            <numerusform>%1 décision sur %n vérifiée localement&#xa0;: signature par la clé inscrite de l’approbateur et empreinte de l’action affichée.</numerusform>
            <numerusform>%1 décisions sur %n vérifiées localement&#xa0;: signature par la clé inscrite de l’approbateur et empreinte de l’action affichée.</numerusform>
        </translation>
    </message>
    <message>
        <source>No trace id</source>
        <translation>Pas d’identifiant de trace</translation>
    </message>
    <message>
        <source>Trace id: %1</source>
        <translation>Identifiant de trace&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cannot verify: the connection profile pins no broker public key, and a key taken from the data being verified would prove nothing. Set it in the profile (see docs/console.md).</source>
        <translation>Vérification impossible&#xa0;: le profil de connexion n’épingle aucune clé publique de courtier, et une clé tirée des données vérifiées ne prouverait rien. Définissez-la dans le profil (voir docs/console.md).</translation>
    </message>
    <message>
        <source>Cannot verify: %1</source>
        <translation>Vérification impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Verifying the cached audit log…</source>
        <translation>Vérification du journal d’audit en cache…</translation>
    </message>
    <message>
        <source>Save action report</source>
        <translation>Enregistrer le rapport d’action</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Rapport enregistré dans %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Impossible d’enregistrer le rapport&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export evidence bundle into</source>
        <translation>Exporter le lot de preuves dans</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n action(s) to %1</source>
        <translation>
            <numerusform>%n action exportée vers %1</numerusform>
            <numerusform>%n actions exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Échec de l’export&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select an action in the list to see its review, read-only.</source>
        <translation>Sélectionnez une action dans la liste pour voir son examen, en lecture seule.</translation>
    </message>
</context>
<context>
    <name>countersign::core::IdentifierCheck</name>
    <message>
        <source>email address</source>
        <translation>adresse e-mail</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domaine</translation>
    </message>
    <message>
        <source>file path</source>
        <translation>chemin de fichier</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>The %1 %2 mixes scripts (%3) in “%4”: a look-alike letter may stand in for a Latin one.</source>
        <translation>%1 %2 mélange des écritures (%3) dans « %4 »&#xa0;: une lettre sosie peut remplacer une lettre latine.</translation>
    </message>
    <message>
        <source>The %1 %2 looks like %3 but is a different string (Unicode TR39 confusable).</source>
        <translation>%1 %2 ressemble à %3 mais est une chaîne différente (confusable selon Unicode TR39).</translation>
    </message>
    <message>
        <source>The %1 %2 is drawn with non-Latin look-alike characters: it reads as “%3” but is not that string (Unicode TR39 confusable).</source>
        <translation>%1 %2 est écrit avec des caractères sosies non latins&#xa0;: il se lit « %3 » mais n’est pas cette chaîne (confusable selon Unicode TR39).</translation>
    </message>
    <message>
        <source>Internationalised domain: %1 is %2 in punycode, the form mail and DNS really use.</source>
        <translation>Domaine internationalisé&#xa0;: %1 s’écrit %2 en punycode, la forme que le courrier et le DNS utilisent réellement.</translation>
    </message>
    <message>
        <source>the tenant&apos;s own and allowed domains were not sent with this action, so every domain counts as external</source>
        <translation>les domaines propres et autorisés du locataire n’ont pas été envoyés avec cette action, tout domaine compte donc comme externe</translation>
    </message>
    <message>
        <source>not one of tenant %1&apos;s domains (%2) nor in the policy&apos;s allow-list (%3)</source>
        <translation>ni un domaine du locataire %1 (%2) ni dans la liste d’autorisation de la politique (%3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>External domain %1 (in the %2 %3): %4.</source>
        <translation>Domaine externe %1 (dans %2 %3)&#xa0;: %4.</translation>
    </message>
</context>
<context>
    <name>countersign::models::IncidentTimeline</name>
    <message>
        <source>Submitted by agent %1 for user %2 (tool %3, trace id %4, digest %5)</source>
        <translation>Soumise par l’agent %1 pour l’utilisateur %2 (outil %3, identifiant de trace %4, empreinte %5)</translation>
    </message>
    <message>
        <source>Policy decided %1 by rule %2: %3</source>
        <translation>La politique a décidé %1 selon la règle %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Decision accepted: %1 by %2 (%3), reason: %4</source>
        <translation>Décision acceptée&#xa0;: %1 par %2 (%3), raison&#xa0;: %4</translation>
    </message>
    <message>
        <source>Decision rejected with code %1: %2 (key %3)</source>
        <translation>Décision rejetée avec le code %1&#xa0;: %2 (clé %3)</translation>
    </message>
    <message>
        <source>Resolved as %1 by %2</source>
        <translation>Résolue comme %1 par %2</translation>
    </message>
    <message>
        <source> (kill switch %1)</source>
        <translation> (arrêt d’urgence %1)</translation>
    </message>
    <message>
        <source>Execution result %1: %2</source>
        <translation>Résultat d’exécution %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Kill switch %1 %2 on %3 %4 by %5: %6</source>
        <translation>Arrêt d’urgence %1 %2 sur %3 %4 par %5&#xa0;: %6</translation>
    </message>
    <message>
        <source>engaged</source>
        <translation>déclenché</translation>
    </message>
    <message>
        <source>released</source>
        <translation>levé</translation>
    </message>
    <message>
        <source>User request received from %1</source>
        <translation>Demande de l’utilisateur reçue de %1</translation>
    </message>
</context>
<context>
    <name>countersign::core::InjectionCheck</name>
    <message>
        <source>tells the agent to ignore its instructions</source>
        <translation>demande à l’agent d’ignorer ses instructions</translation>
    </message>
    <message>
        <source>poses as a system or assistant message</source>
        <translation>se fait passer pour un message système ou de l’assistant</translation>
    </message>
    <message>
        <source>asks to send or include sensitive data</source>
        <translation>demande d’envoyer ou d’inclure des données sensibles</translation>
    </message>
    <message>
        <source>names a new recipient</source>
        <translation>désigne un nouveau destinataire</translation>
    </message>
    <message>
        <source>claims to change the rules</source>
        <translation>prétend changer les règles</translation>
    </message>
    <message>
        <source>asks to keep something from the user</source>
        <translation>demande de cacher quelque chose à l’utilisateur</translation>
    </message>
    <message>
        <source>Possible prompt injection: this text %1: “%2”. Whoever wrote it may be steering the agent; check that the action follows the user&apos;s request, not this.</source>
        <translation>Injection de prompt possible&#xa0;: ce texte %1&#xa0;: « %2 ». Son auteur oriente peut-être l’agent&#xa0;; vérifiez que l’action suit la demande de l’utilisateur, et non ce texte.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more instruction-like passage(s) in the same text.</source>
        <translation>
            <numerusform>… et %n autre passage ressemblant à une instruction dans le même texte.</numerusform>
            <numerusform>… et %n autres passages ressemblant à des instructions dans le même texte.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::IntentCheck</name>
    <message>
        <source>recipient</source>
        <translation>destinataire</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>domaine</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>montant</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>numéro de compte</translation>
    </message>
    <message>
        <source>path</source>
        <translation>chemin</translation>
    </message>
    <message>
        <source>evidence %1 “%2” (%3, untrusted)</source>
        <translation>source %1 « %2 » (%3, non fiable)</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>mémoire %1</translation>
    </message>
    <message>
        <source>it appears nowhere in the request, the evidence or the memory the agent showed</source>
        <translation>il n’apparaît ni dans la demande, ni dans les sources, ni dans la mémoire présentées par l’agent</translation>
    </message>
    <message>
        <source>it came from %1</source>
        <translation>il provient de %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <source>Not from the user&apos;s request: the %1 %2 in %3 is not in what the user asked for nor in trusted evidence; %4.</source>
        <translation>Absent de la demande de l’utilisateur&#xa0;: %1 %2 dans %3 ne figure ni dans ce que l’utilisateur a demandé ni dans une source fiable&#xa0;; %4.</translation>
    </message>
</context>
<context>
    <name>countersign::models::JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>objet</translation>
    </message>
    <message>
        <source>array</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>string</source>
        <translation>chaîne</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>(value)</source>
        <translation>(valeur)</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 membre</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>String of %n UTF-16 code units</source>
        <translation>
            <numerusform>Chaîne de %n unité de code UTF-16</numerusform>
            <numerusform>Chaîne de %n unités de code UTF-16</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with 1 child</source>
        <translation>%1 avec 1 enfant</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n children</source>
        <translation>
            <numerusform>%1 avec %n enfant</numerusform>
            <numerusform>%1 avec %n enfants</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown in part here: open “show all” to read the whole value.</source>
        <translation>Affiché en partie ici&#xa0;: ouvrez « tout afficher » pour lire la valeur entière.</translation>
    </message>
    <message>
        <source>1 invisible character made visible as a ⟦U+…⟧ token.</source>
        <translation>1 caractère invisible rendu visible sous forme de marque ⟦U+…⟧.</translation>
    </message>
    <message numerus="yes">
        <source>%n invisible characters made visible as ⟦U+…⟧ tokens.</source>
        <translation>
            <numerusform>%n caractère invisible rendu visible sous forme de marque ⟦U+…⟧.</numerusform>
            <numerusform>%n caractères invisibles rendus visibles sous forme de marques ⟦U+…⟧.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>countersign::app::KeyStore</name>
    <message>
        <source>Cannot create %1</source>
        <translation>Impossible de créer %1</translation>
    </message>
</context>
<context>
    <name>countersign::ui::KillSwitchDialog</name>
    <message>
        <source>RELEASE kill switch</source>
        <translation>LEVER l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>ENGAGE kill switch</source>
        <translation>DÉCLENCHER l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>

Type &quot;%1&quot; to confirm.</source>
        <translation>

Saisissez « %1 » pour confirmer.</translation>
    </message>
    <message>
        <source>

The order is signed with your key and sent to the broker at once.</source>
        <translation>

L’ordre est signé avec votre clé et envoyé immédiatement au courtier.</translation>
    </message>
    <message>
        <source>Release kill switch</source>
        <translation>Lever l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>Engage kill switch</source>
        <translation>Déclencher l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Raison (obligatoire)&#xa0;:</translation>
    </message>
    <message>
        <source>Reason for the kill-switch order</source>
        <translation>Raison de l’ordre d’arrêt d’urgence</translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to confirm:</source>
        <translation>Saisissez « %1 » pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>Typed confirmation of the target&apos;s name</source>
        <translation>Confirmation saisie du nom de la cible</translation>
    </message>
    <message>
        <source>Sign and release</source>
        <translation>Signer et lever</translation>
    </message>
    <message>
        <source>Sign and engage</source>
        <translation>Signer et déclencher</translation>
    </message>
    <message>
        <source>Sign and send the kill-switch order</source>
        <translation>Signer et envoyer l’ordre d’arrêt d’urgence</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Une raison est requise.</translation>
    </message>
    <message>
        <source>Type the target&apos;s name exactly to confirm.</source>
        <translation>Saisissez exactement le nom de la cible pour confirmer.</translation>
    </message>
</context>
<context>
    <name>countersign::models::KillSwitchModel</name>
    <message>
        <source>(everything)</source>
        <translation>(tout)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>non signalé</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Portée</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Engaged by</source>
        <translation>Déclenché par</translation>
    </message>
    <message>
        <source>Engaged at (UTC)</source>
        <translation>Déclenché le (UTC)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <source>Pending killed</source>
        <translation>En attente stoppées</translation>
    </message>
    <message>
        <source>Refused since</source>
        <translation>Refusées depuis</translation>
    </message>
    <message>
        <source>Agents affected</source>
        <translation>Agents concernés</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <source>%1  %2 %3 %4 by %5: %6</source>
        <translation>%1  %2 %3 %4 par %5&#xa0;: %6</translation>
    </message>
</context>
<context>
    <name>countersign::ui::KillSwitchPanel</name>
    <message>
        <source>Kill switches</source>
        <translation>Arrêts d’urgence</translation>
    </message>
    <message>
        <source>Kill-switch scope</source>
        <translation>Portée de l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Global (everything)</source>
        <translation>Global (tout)</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Portée&#xa0;:</translation>
    </message>
    <message>
        <source>pick one the console has seen, or type it</source>
        <translation>choisissez-en une vue par la console, ou saisissez-la</translation>
    </message>
    <message>
        <source>Kill-switch target</source>
        <translation>Cible de l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Cible&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Engage…</source>
        <translation>&amp;Déclencher…</translation>
    </message>
    <message>
        <source>Engage the kill switch</source>
        <translation>Déclencher l’arrêt d’urgence</translation>
    </message>
    <message>
        <source>&amp;Release…</source>
        <translation>&amp;Lever…</translation>
    </message>
    <message>
        <source>Release the selected kill switch</source>
        <translation>Lever l’arrêt d’urgence sélectionné</translation>
    </message>
    <message>
        <source>&amp;Drill: what would this stop?</source>
        <translation>E&amp;xercice&#xa0;: qu’est-ce que cela arrêterait&#xa0;?</translation>
    </message>
    <message>
        <source>Drill: list what this kill switch would stop, without engaging it</source>
        <translation>Exercice&#xa0;: lister ce que cet arrêt d’urgence arrêterait, sans le déclencher</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actuali&amp;ser</translation>
    </message>
    <message>
        <source>Fetch the active kill switches and their history from the broker</source>
        <translation>Récupérer auprès du courtier les arrêts d’urgence actifs et leur historique</translation>
    </message>
    <message>
        <source>Active switches:</source>
        <translation>Arrêts actifs&#xa0;:</translation>
    </message>
    <message>
        <source>Active kill switches</source>
        <translation>Arrêts d’urgence actifs</translation>
    </message>
    <message>
        <source>The broker&apos;s answer to the last kill-switch order</source>
        <translation>La réponse du courtier au dernier ordre d’arrêt d’urgence</translation>
    </message>
    <message>
        <source>What the drilled kill switch would stop</source>
        <translation>Ce que l’arrêt d’urgence testé arrêterait</translation>
    </message>
    <message>
        <source>Kill-switch history</source>
        <translation>Historique des arrêts d’urgence</translation>
    </message>
    <message>
        <source>Broker&apos;s answer</source>
        <translation>Réponse du courtier</translation>
    </message>
    <message>
        <source>Drill result</source>
        <translation>Résultat de l’exercice</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Engage %1 sent; waiting for the broker…</source>
        <translation>Déclenchement de %1 envoyé&#xa0;; en attente du courtier…</translation>
    </message>
    <message>
        <source>Select the active switch to release.</source>
        <translation>Sélectionnez l’arrêt actif à lever.</translation>
    </message>
    <message>
        <source>Release sent; waiting for the broker…</source>
        <translation>Levée envoyée&#xa0;; en attente du courtier…</translation>
    </message>
    <message>
        <source>Drill from the console: what would this stop?</source>
        <translation>Exercice depuis la console&#xa0;: qu’est-ce que cela arrêterait&#xa0;?</translation>
    </message>
    <message>
        <source>Drill sent; waiting for the broker…</source>
        <translation>Exercice envoyé&#xa0;; en attente du courtier…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <source>your key does not have the on-call role for this scope</source>
        <translation>votre clé n’a pas le rôle d’astreinte pour cette portée</translation>
    </message>
    <message>
        <source>this switch is already engaged</source>
        <translation>cet arrêt d’urgence est déjà déclenché</translation>
    </message>
    <message>
        <source>this switch is not engaged</source>
        <translation>cet arrêt d’urgence n’est pas déclenché</translation>
    </message>
    <message>
        <source>the order was refused</source>
        <translation>l’ordre a été refusé</translation>
    </message>
    <message>
        <source>REFUSED by the broker after %1 ms: %2 (%3): %4</source>
        <translation>REFUSÉ par le courtier après %1 ms&#xa0;: %2 (%3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>Drill of %1 %2 (nothing was engaged), answered in %3 ms.</source>
        <translation>Exercice sur %1 %2 (rien n’a été déclenché), réponse en %3 ms.</translation>
    </message>
    <message>
        <source>Pending actions that would be killed: %1</source>
        <translation>Actions en attente qui seraient stoppées&#xa0;: %1</translation>
    </message>
    <message>
        <source>  %1  tenant %2, agent %3, tool %4, user %5</source>
        <translation>  %1  locataire %2, agent %3, outil %4, utilisateur %5</translation>
    </message>
    <message>
        <source>Agents affected: %1</source>
        <translation>Agents concernés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Agent tokens that would stop working: %1</source>
        <translation>Jetons d’agent qui cesseraient de fonctionner&#xa0;: %1</translation>
    </message>
    <message>
        <source>  %1  agent %2, tenant %3</source>
        <translation>  %1  agent %2, locataire %3</translation>
    </message>
    <message>
        <source>Drill answered in %1 ms.</source>
        <translation>Exercice&#xa0;: réponse en %1 ms.</translation>
    </message>
    <message>
        <source>ENGAGED by the broker in %1 ms: %2 %3; %4 pending actions killed.</source>
        <translation>DÉCLENCHÉ par le courtier en %1 ms&#xa0;: %2 %3&#xa0;; %4 actions en attente stoppées.</translation>
    </message>
    <message>
        <source>RELEASED by the broker in %1 ms: %2 %3; service restored in that scope.</source>
        <translation>LEVÉ par le courtier en %1 ms&#xa0;: %2 %3&#xa0;; service rétabli dans cette portée.</translation>
    </message>
</context>
<context>
    <name>countersign::ui::MainWindow</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Latest notice</source>
        <translation>Dernier avis</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Locataire&#xa0;:</translation>
    </message>
    <message>
        <source>Show only this tenant</source>
        <translation>N’afficher que ce locataire</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent&#xa0;:</translation>
    </message>
    <message>
        <source>Show only this agent</source>
        <translation>N’afficher que cet agent</translation>
    </message>
    <message>
        <source>T&amp;ool:</source>
        <translation>&amp;Outil&#xa0;:</translation>
    </message>
    <message>
        <source>Show only this tool</source>
        <translation>N’afficher que cet outil</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Tri&#xa0;:</translation>
    </message>
    <message>
        <source>Sort the queue</source>
        <translation>Trier la file d’attente</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Pending actions</source>
        <translation>Actions en attente</translation>
    </message>
    <message>
        <source>Actions waiting for your decision, soonest deadline first</source>
        <translation>Actions en attente de votre décision, échéance la plus proche en premier</translation>
    </message>
    <message>
        <source>Why a decision can or cannot be signed now</source>
        <translation>Pourquoi une décision peut ou non être signée maintenant</translation>
    </message>
    <message>
        <source>&amp;Deny…</source>
        <translation>&amp;Refuser…</translation>
    </message>
    <message>
        <source>Deny the selected action</source>
        <translation>Refuser l’action sélectionnée</translation>
    </message>
    <message>
        <source>Opens the confirmation: the decision is signed only after you confirm it</source>
        <translation>Ouvre la confirmation&#xa0;: la décision n’est signée qu’après votre confirmation</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>A&amp;pprouver…</translation>
    </message>
    <message>
        <source>Approve the selected action</source>
        <translation>Approuver l’action sélectionnée</translation>
    </message>
    <message>
        <source>Signing key %1</source>
        <translation>Clé de signature %1</translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation>Arrêts d’urgence</translation>
    </message>
    <message>
        <source>&amp;Kill switches</source>
        <translation>Arrêts d’&amp;urgence</translation>
    </message>
    <message>
        <source>Show &amp;kill switches…</source>
        <translation>Afficher les &amp;arrêts d’urgence…</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>À propos de Countersign</translation>
    </message>
    <message>
        <source>Countersign %1

A human, and a signature, between AI agents and their high-impact actions.

Qt %2, %3.</source>
        <translation>Countersign %1

Un humain, et une signature, entre les agents d’IA et leurs actions à fort impact.

Qt %2, %3.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Lock signing key</source>
        <translation>&amp;Verrouiller la clé de signature</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>F&amp;ile d’attente</translation>
    </message>
    <message>
        <source>&amp;Next action</source>
        <translation>Action &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous action</source>
        <translation>Action &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Focus the queue</source>
        <translation>&amp;Activer la file d’attente</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>À &amp;propos de Countersign</translation>
    </message>
    <message>
        <source>Select an action to decide on it.</source>
        <translation>Sélectionnez une action pour statuer sur elle.</translation>
    </message>
    <message>
        <source>Review every pane, then approve or deny. Your decision is signed with your key.</source>
        <translation>Examinez chaque volet, puis approuvez ou refusez. Votre décision est signée avec votre clé.</translation>
    </message>
    <message>
        <source>Not signed: a reason is required.</source>
        <translation>Non signé&#xa0;: une raison est requise.</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Non signé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Signed and queued: %1 %2. Waiting for the broker&apos;s answer…</source>
        <translation>Signé et mis en file&#xa0;: %1 %2. En attente de la réponse du courtier…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted for %1: %2 of %3 approvals; waiting for %n more.</source>
        <translation>
            <numerusform>Accepté pour %1&#xa0;: %2 approbations sur %3&#xa0;; en attente de %n autre.</numerusform>
            <numerusform>Accepté pour %1&#xa0;: %2 approbations sur %3&#xa0;; en attente de %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accepted for %1: the action is now %2.</source>
        <translation>Accepté pour %1&#xa0;: l’action est maintenant %2.</translation>
    </message>
    <message>
        <source>Rejected by the broker for %1 (%2): %3</source>
        <translation>Rejeté par le courtier pour %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 left the queue: %2. This is final.</source>
        <translation>%1 a quitté la file d’attente&#xa0;: %2. C’est définitif.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Approve… (not yet seen: %1)</source>
        <translation>Approuver… (pas encore vu&#xa0;: %1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Scroll each pane to its end (or expand the whole tree) before approving.</source>
        <translation>Faites défiler chaque volet jusqu’à la fin (ou dépliez tout l’arbre) avant d’approuver.</translation>
    </message>
    <message>
        <source>Not approved: some panes were not seen in full yet.</source>
        <translation>Non approuvé&#xa0;: certains volets n’ont pas encore été vus en entier.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>Afficher l’&amp;historique</translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s) left the queue: %1. This is final.</source>
        <translation>
            <numerusform>%Ln action a quitté la file d’attente&#xa0;: %1. C’est définitif.</numerusform>
            <numerusform>%Ln actions ont quitté la file d’attente&#xa0;: %1. C’est définitif.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::models::MemoryModel</name>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>aucune indiquée</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Écrit par</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Écrit le</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Signalements</translation>
    </message>
</context>
<context>
    <name>countersign::ui::PassphraseDialog</name>
    <message>
        <source>Unlock your signing key</source>
        <translation>Déverrouiller votre clé de signature</translation>
    </message>
    <message>
        <source>Protect your new signing key</source>
        <translation>Protéger votre nouvelle clé de signature</translation>
    </message>
    <message>
        <source>Enter the passphrase of the key %1.</source>
        <translation>Saisissez la phrase secrète de la clé %1.</translation>
    </message>
    <message>
        <source>Choose a passphrase for your new signing key. It encrypts the key on disk; there is no way to recover it.</source>
        <translation>Choisissez une phrase secrète pour votre nouvelle clé de signature. Elle chiffre la clé sur le disque&#xa0;; il n’existe aucun moyen de la récupérer.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète&#xa0;:</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Répéter la phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter&#xa0;:</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>La phrase secrète ne doit pas être vide.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Utilisez au moins 8 caractères.</translation>
    </message>
</context>
<context>
    <name>countersign::models::PendingQueueModel</name>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Server: </source>
        <translation>Serveur&#xa0;: </translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Name: </source>
        <translation>Nom&#xa0;: </translation>
    </message>
    <message>
        <source>Owner: </source>
        <translation>Responsable&#xa0;: </translation>
    </message>
    <message>
        <source>Model: </source>
        <translation>Modèle&#xa0;: </translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Demandé par</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risque</translation>
    </message>
    <message>
        <source>No risk badges.</source>
        <translation>Aucun badge de risque.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Approbations</translation>
    </message>
    <message>
        <source>%1 of %2 required approvals so far.</source>
        <translation>%1 approbations sur %2 requises jusqu’ici.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>This action has no deadline.</source>
        <translation>Cette action n’a pas d’échéance.</translation>
    </message>
    <message>
        <source>Expired: it can no longer be decided; waiting for the broker to resolve it.</source>
        <translation>Expirée&#xa0;: elle ne peut plus être décidée&#xa0;; en attente de sa clôture par le courtier.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>pas d’échéance</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>The tool the agent wants to call</source>
        <translation>L’outil que l’agent veut appeler</translation>
    </message>
    <message>
        <source>The agent that proposes the action</source>
        <translation>L’agent qui propose l’action</translation>
    </message>
    <message>
        <source>The person whose request the agent is acting on</source>
        <translation>La personne à la demande de laquelle l’agent agit</translation>
    </message>
    <message>
        <source>The organisation the action runs in</source>
        <translation>L’organisation dans laquelle l’action s’exécute</translation>
    </message>
    <message>
        <source>Risk badges; hover a row for the reasons</source>
        <translation>Badges de risque&#xa0;; survolez une ligne pour en voir les raisons</translation>
    </message>
    <message>
        <source>Approvals so far / approvals required</source>
        <translation>Approbations obtenues / approbations requises</translation>
    </message>
    <message>
        <source>Time left to decide; after it the action is expired (denied)</source>
        <translation>Temps restant pour décider&#xa0;; ensuite l’action expire (refusée)</translation>
    </message>
    <message>
        <source>the message carries no action id</source>
        <translation>le message ne contient pas d’identifiant d’action</translation>
    </message>
    <message>
        <source>the message carries no sequence number</source>
        <translation>le message ne contient pas de numéro de séquence</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>entry %1, before the range, is not in the cache</source>
        <translation>l’entrée %1, avant la plage, n’est pas dans le cache</translation>
    </message>
</context>
<context>
    <name>countersign::ui::RawJsonView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Tout sélectionner</translation>
    </message>
</context>
<context>
    <name>countersign::core::ReviewChecks</name>
    <message>
        <source>verified</source>
        <translation>vérifiée</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>interne</translation>
    </message>
    <message>
        <source>user-generated</source>
        <translation>générée par des utilisateurs</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externe</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <source>Restricted data: the most sensitive classification.</source>
        <translation>Données à diffusion restreinte&#xa0;: la classification la plus sensible.</translation>
    </message>
    <message>
        <source>Confidential data.</source>
        <translation>Données confidentielles.</translation>
    </message>
    <message>
        <source>Changes this data (write).</source>
        <translation>Modifie ces données (écriture).</translation>
    </message>
    <message>
        <source>Deletes this data.</source>
        <translation>Supprime ces données.</translation>
    </message>
    <message>
        <source>Sends this data to a recipient.</source>
        <translation>Envoie ces données à un destinataire.</translation>
    </message>
    <message>
        <source>Runs code or commands against this resource (execute).</source>
        <translation>Exécute du code ou des commandes sur cette ressource (exécution).</translation>
    </message>
    <message>
        <source>Untrusted source (%1): whoever can write this content can steer the agent; check it before relying on it.</source>
        <translation>Source non fiable (%1)&#xa0;: quiconque peut écrire ce contenu peut orienter l’agent&#xa0;; vérifiez-le avant de vous y fier.</translation>
    </message>
    <message>
        <source>No SHA-256 given: nothing ties this content to what was actually retrieved.</source>
        <translation>Aucun SHA-256 indiqué&#xa0;: rien ne relie ce contenu à ce qui a réellement été récupéré.</translation>
    </message>
    <message>
        <source>No source authority: nobody is named as controlling this content.</source>
        <translation>Aucune autorité de source&#xa0;: personne n’est désigné comme contrôlant ce contenu.</translation>
    </message>
    <message>
        <source>Neither content nor an excerpt was provided: what the agent relied on cannot be read here.</source>
        <translation>Ni contenu ni extrait n’a été fourni&#xa0;: ce sur quoi l’agent s’est appuyé ne peut pas être lu ici.</translation>
    </message>
    <message>
        <source>Expired at %1: the agent relied on memory that should no longer be used.</source>
        <translation>Expirée le %1&#xa0;: l’agent s’est appuyé sur une mémoire qui ne devrait plus être utilisée.</translation>
    </message>
    <message>
        <source>No written_at: the age of this memory is unknown.</source>
        <translation>Pas de written_at&#xa0;: l’âge de cette mémoire est inconnu.</translation>
    </message>
    <message numerus="yes">
        <source>Written %n days ago (%1): older than %2 days, it may no longer be true.</source>
        <translation>
            <numerusform>Écrite il y a %n jour (%1)&#xa0;: plus ancienne que %2 jours, elle n’est peut-être plus vraie.</numerusform>
            <numerusform>Écrite il y a %n jours (%1)&#xa0;: plus ancienne que %2 jours, elle n’est peut-être plus vraie.</numerusform>
        </translation>
    </message>
    <message>
        <source>No source: nothing says where this memory came from, so it cannot be checked. Memory creates identity drift: an unchecked memory can quietly change what the agent believes.</source>
        <translation>Aucune source&#xa0;: rien n’indique d’où vient cette mémoire, elle ne peut donc pas être vérifiée. La mémoire crée une dérive d’identité&#xa0;: une mémoire non vérifiée peut changer discrètement ce que croit l’agent.</translation>
    </message>
    <message>
        <source>Written from user-generated content (%1): anyone who wrote that content may have planted this memory. Memory creates identity drift: what an outsider wrote now speaks with the agent&apos;s own voice.</source>
        <translation>Écrite à partir de contenu généré par des utilisateurs (%1)&#xa0;: quiconque a écrit ce contenu a pu implanter cette mémoire. La mémoire crée une dérive d’identité&#xa0;: ce qu’un tiers a écrit parle désormais avec la voix de l’agent.</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ReviewPane</name>
    <message>
        <source>Maximise</source>
        <translation>Agrandir</translation>
    </message>
    <message>
        <source>Maximise the %1 pane</source>
        <translation>Agrandir le volet %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ReviewPanel</name>
    <message>
        <source>What was asked, by whom, and why it needs approval</source>
        <translation>Ce qui a été demandé, par qui, et pourquoi une approbation est nécessaire</translation>
    </message>
    <message>
        <source>Tool arguments</source>
        <translation>Arguments de l’outil</translation>
    </message>
    <message>
        <source>Tool arguments as a tree</source>
        <translation>Arguments de l’outil sous forme d’arbre</translation>
    </message>
    <message>
        <source>Full value of %1</source>
        <translation>Valeur complète de %1</translation>
    </message>
    <message>
        <source>Tool arguments as canonical JSON</source>
        <translation>Arguments de l’outil en JSON canonique</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Arbre</translation>
    </message>
    <message>
        <source>Raw (canonical JSON)</source>
        <translation>Brut (JSON canonique)</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Périmètres de données</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Chaîne d’autorité</translation>
    </message>
    <message>
        <source>Problems found in the authority chain</source>
        <translation>Problèmes trouvés dans la chaîne d’autorité</translation>
    </message>
    <message>
        <source>Authority chain, from the user to the tool</source>
        <translation>Chaîne d’autorité, de l’utilisateur à l’outil</translation>
    </message>
    <message>
        <source>Evidence and memory</source>
        <translation>Sources et mémoire</translation>
    </message>
    <message>
        <source>Evidence the agent relied on</source>
        <translation>Sources sur lesquelles l’agent s’est appuyé</translation>
    </message>
    <message>
        <source>Content of the selected evidence</source>
        <translation>Contenu de la source sélectionnée</translation>
    </message>
    <message>
        <source>Agent memory that influenced the action</source>
        <translation>Mémoire de l’agent qui a influencé l’action</translation>
    </message>
    <message>
        <source>Content of the selected source:</source>
        <translation>Contenu de la source sélectionnée&#xa0;:</translation>
    </message>
    <message>
        <source>Agent memory:</source>
        <translation>Mémoire de l’agent&#xa0;:</translation>
    </message>
    <message>
        <source>Select an action in the queue to review it.</source>
        <translation>Sélectionnez une action dans la file d’attente pour l’examiner.</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>(no policy information)</source>
        <translation>(aucune information de politique)</translation>
    </message>
    <message>
        <source>%1 asked:</source>
        <translation>%1 a demandé&#xa0;:</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent&#xa0;:</translation>
    </message>
    <message>
        <source>owned by</source>
        <translation>sous la responsabilité de</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>Outil&#xa0;:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>sur</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>locataire</translation>
    </message>
    <message>
        <source>Policy rule</source>
        <translation>La règle de politique</translation>
    </message>
    <message>
        <source>asks for approval:</source>
        <translation>exige une approbation&#xa0;:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Échéance&#xa0;:</translation>
    </message>
    <message>
        <source>Link %1 (%2 %3): %4</source>
        <translation>Maillon %1 (%2 %3)&#xa0;: %4</translation>
    </message>
    <message>
        <source>No problems found in the chain.</source>
        <translation>Aucun problème trouvé dans la chaîne.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) in the authority chain:
</source>
        <translation>
            <numerusform>⚠ %n problème dans la chaîne d’autorité&#xa0;:
</numerusform>
            <numerusform>⚠ %n problèmes dans la chaîne d’autorité&#xa0;:
</numerusform>
        </translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>Aucun signalement.</translation>
    </message>
    <message>
        <source>Flags about the request</source>
        <translation>Signalements sur la demande</translation>
    </message>
    <message>
        <source>Flags about the tool arguments</source>
        <translation>Signalements sur les arguments de l’outil</translation>
    </message>
    <message>
        <source>Flags about the data scopes</source>
        <translation>Signalements sur les périmètres de données</translation>
    </message>
    <message>
        <source>Flags about the evidence and memory</source>
        <translation>Signalements sur les sources et la mémoire</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in this pane, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n caractère invisible ou de réordonnancement dans ce volet, affiché comme marque ⟦…⟧.</numerusform>
            <numerusform>⚠ %n caractères invisibles ou de réordonnancement dans ce volet, affichés comme marques ⟦…⟧.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in the tool arguments, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n caractère invisible ou de réordonnancement dans les arguments de l’outil, affiché comme marque ⟦…⟧.</numerusform>
            <numerusform>⚠ %n caractères invisibles ou de réordonnancement dans les arguments de l’outil, affichés comme marques ⟦…⟧.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible prompt injection: %1</source>
        <translation>Injection de prompt possible&#xa0;: %1</translation>
    </message>
    <message>
        <source>The canonical JSON (RFC 8785) the action&apos;s digest covers. Long documents are shown in lines broken after commas; the line breaks are not part of the signed bytes.</source>
        <translation>Le JSON canonique (RFC 8785) couvert par l&apos;empreinte de l&apos;action. Les longs documents sont affichés en lignes coupées après des virgules ; ces sauts de ligne ne font pas partie des octets signés.</translation>
    </message>
</context>
<context>
    <name>countersign::core::ReviewTranscript</name>
    <message>
        <source>not given</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <source>(nested deeper than %1 levels: not shown)</source>
        <translation>(imbriqué sur plus de %1 niveaux&#xa0;: non affiché)</translation>
    </message>
    <message>
        <source>Countersign review transcript</source>
        <translation>Transcription d’examen Countersign</translation>
    </message>
    <message>
        <source>Every value from the action is shown whole, as plain text; ⟦…⟧ marks an invisible or reordering character; ⚑ marks a flag; │ continues a multi-line value.</source>
        <translation>Chaque valeur de l’action est affichée en entier, en texte brut&#xa0;; ⟦…⟧ marque un caractère invisible ou de réordonnancement&#xa0;; ⚑ marque un signalement&#xa0;; │ prolonge une valeur sur plusieurs lignes.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>(not submitted)</source>
        <translation>(non soumise)</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Locataire</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Outil</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domaines</translation>
    </message>
    <message>
        <source>from the policy: own %1; allowed %2</source>
        <translation>d’après la politique&#xa0;: propres %1&#xa0;; autorisés %2</translation>
    </message>
    <message>
        <source>not sent by the broker: only the requesting user&apos;s domain (%1) is trusted%2</source>
        <translation>non envoyés par le courtier&#xa0;: seul le domaine de l’utilisateur demandeur (%1) est considéré comme fiable%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>user</source>
        <translation>utilisateur</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>demandé</translation>
    </message>
    <message>
        <source>received</source>
        <translation>reçu</translation>
    </message>
    <message>
        <source>Tool arguments</source>
        <translation>Arguments de l’outil</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Périmètres de données</translation>
    </message>
    <message>
        <source>access</source>
        <translation>accès</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>champs</translation>
    </message>
    <message>
        <source>records</source>
        <translation>enregistrements</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Chaîne d’autorité</translation>
    </message>
    <message>
        <source>delegated by</source>
        <translation>délégué par</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>émetteur</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>portées</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>trust</source>
        <translation>confiance</translation>
    </message>
    <message>
        <source>source authority</source>
        <translation>autorité de la source</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>retrieved</source>
        <translation>récupéré</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>used for</source>
        <translation>utilisé pour</translation>
    </message>
    <message>
        <source>content</source>
        <translation>contenu</translation>
    </message>
    <message>
        <source>excerpt</source>
        <translation>extrait</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Mémoire</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>written</source>
        <translation>écrit</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>expire</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
</context>
<context>
    <name>countersign::ui::SettingsDialog</name>
    <message>
        <source>Countersign settings</source>
        <translation>Paramètres de Countersign</translation>
    </message>
    <message>
        <source>Broker address</source>
        <translation>Adresse du courtier</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>&amp;Courtier&#xa0;:</translation>
    </message>
    <message>
        <source>CA certificate file (optional)</source>
        <translation>Fichier de certificat d’AC (facultatif)</translation>
    </message>
    <message>
        <source>&amp;CA file (optional):</source>
        <translation>Fichier d’&amp;AC (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>pas encore épinglé</translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint</source>
        <translation>Empreinte du certificat épinglé</translation>
    </message>
    <message>
        <source>&amp;Forget pinned certificate</source>
        <translation>&amp;Oublier le certificat épinglé</translation>
    </message>
    <message>
        <source>The next connection asks you to confirm the broker&apos;s fingerprint again</source>
        <translation>La prochaine connexion vous demandera de confirmer à nouveau l’empreinte du courtier</translation>
    </message>
    <message>
        <source>not pinned: you will be asked to confirm the fingerprint on the next connection</source>
        <translation>non épinglé&#xa0;: il vous sera demandé de confirmer l’empreinte à la prochaine connexion</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Certificat épinglé&#xa0;:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock the signing key after this much inactivity</source>
        <translation>Verrouiller la clé de signature après cette durée d’inactivité</translation>
    </message>
    <message>
        <source>&amp;Lock key when idle for:</source>
        <translation>&amp;Verrouiller la clé après une inactivité de&#xa0;:</translation>
    </message>
    <message>
        <source>Notify when a new action arrives</source>
        <translation>Notifier l’arrivée d’une nouvelle action</translation>
    </message>
    <message>
        <source>Shows the tool and the agent of each new action; never its arguments or the agent&apos;s text</source>
        <translation>Affiche l’outil et l’agent de chaque nouvelle action&#xa0;; jamais ses arguments ni le texte de l’agent</translation>
    </message>
    <message>
        <source>Play a &amp;sound with each notification</source>
        <translation>Émettre un &amp;son à chaque notification</translation>
    </message>
    <message>
        <source>&amp;Do not disturb: no notifications and no sound</source>
        <translation>&amp;Ne pas déranger&#xa0;: ni notification ni son</translation>
    </message>
    <message>
        <source>The tray icon still counts the pending actions. The desktop&apos;s own do-not-disturb is respected as well.</source>
        <translation>L’icône de la zone de notification compte toujours les actions en attente. Le mode « ne pas déranger » du bureau est également respecté.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language of the console</source>
        <translation>Langue de la console</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;gue&#xa0;:</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Each command of the window and the keys that run it</source>
        <translation>Chaque commande de la fenêtre et les touches qui l’exécutent</translation>
    </message>
</context>
<context>
    <name>countersign::core::TextCheck</name>
    <message numerus="yes">
        <source>%n invisible or reordering character(s) shown as ⟦…⟧ tokens: %1.</source>
        <translation>
            <numerusform>%n caractère invisible ou de réordonnancement affiché comme marque ⟦…⟧&#xa0;: %1.</numerusform>
            <numerusform>%n caractères invisibles ou de réordonnancement affichés comme marques ⟦…⟧&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content continues after %1 blank lines, at line %2: scroll on, something may be hidden below.</source>
        <translation>Le contenu continue après %1 lignes vides, à la ligne %2&#xa0;: continuez à faire défiler, quelque chose peut être caché plus bas.</translation>
    </message>
    <message>
        <source>Content continues after %1 whitespace characters on line %2: text may be pushed out of sight to the right.</source>
        <translation>Le contenu continue après %1 caractères d’espacement à la ligne %2&#xa0;: du texte peut être repoussé hors de vue vers la droite.</translation>
    </message>
</context>
<context>
    <name>countersign::models::TimelineModel</name>
    <message>
        <source>(no time)</source>
        <translation>(pas d’heure)</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Audit seq</source>
        <translation>Séquence d’audit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
</context>
<context>
    <name>countersign::ui::TrayIcon</name>
    <message>
        <source>&amp;Show Countersign</source>
        <translation>&amp;Afficher Countersign</translation>
    </message>
    <message>
        <source>&amp;Lock signing key</source>
        <translation>&amp;Verrouiller la clé de signature</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Countersign: no actions waiting</source>
        <translation>Countersign&#xa0;: aucune action en attente</translation>
    </message>
    <message numerus="yes">
        <source>Countersign: %n action(s) waiting for approval</source>
        <translation>
            <numerusform>Countersign&#xa0;: %n action en attente d’approbation</numerusform>
            <numerusform>Countersign&#xa0;: %n actions en attente d’approbation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::ui::TrustDialog</name>
    <message>
        <source>This is the first connection to the broker at %1.

Its TLS certificate has the SHA-256 fingerprint

%2

Compare it with the fingerprint your broker&apos;s operator gave you (printed by `countersignd init`). Trust it only if they are identical; the console will then refuse any other certificate for this broker.</source>
        <translation>C’est la première connexion au courtier à l’adresse %1.

Son certificat TLS a l’empreinte SHA-256

%2

Comparez-la avec l’empreinte que l’opérateur du courtier vous a donnée (affichée par `countersignd init`). Ne lui faites confiance que si elles sont identiques&#xa0;; la console refusera ensuite tout autre certificat pour ce courtier.</translation>
    </message>
    <message>
        <source>Trust this broker?</source>
        <translation>Faire confiance à ce courtier&#xa0;?</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Faire confiance et se connecter</translation>
    </message>
    <message>
        <source>The broker at %1 presented a different certificate than the one you trusted.

Trusted:   %2
Presented: %3

This can mean someone is intercepting the connection. The console will not connect. If the broker&apos;s certificate was really replaced, ask its operator for the new fingerprint and update the connection profile in Settings.</source>
        <translation>Le courtier à l’adresse %1 a présenté un certificat différent de celui auquel vous avez fait confiance.

De confiance&#xa0;: %2
Présenté&#xa0;:     %3

Cela peut signifier que quelqu’un intercepte la connexion. La console ne se connectera pas. Si le certificat du courtier a réellement été remplacé, demandez la nouvelle empreinte à son opérateur et mettez à jour le profil de connexion dans les Paramètres.</translation>
    </message>
    <message>
        <source>Broker certificate changed</source>
        <translation>Certificat du courtier modifié</translation>
    </message>
</context>
<context>
    <name>countersign::core::UntrustedText</name>
    <message>
        <source>control character</source>
        <translation>caractère de contrôle</translation>
    </message>
    <message>
        <source>bidirectional control</source>
        <translation>contrôle bidirectionnel</translation>
    </message>
    <message>
        <source>zero-width character</source>
        <translation>caractère de largeur nulle</translation>
    </message>
    <message>
        <source>soft hyphen</source>
        <translation>trait d’union conditionnel</translation>
    </message>
    <message>
        <source>line or paragraph separator</source>
        <translation>séparateur de ligne ou de paragraphe</translation>
    </message>
    <message>
        <source>tag character</source>
        <translation>caractère d’étiquette</translation>
    </message>
    <message>
        <source>invisible format character</source>
        <translation>caractère de formatage invisible</translation>
    </message>
    <message>
        <source>invisible filler letter</source>
        <translation>lettre de remplissage invisible</translation>
    </message>
    <message>
        <source>variation selector</source>
        <translation>sélecteur de variante</translation>
    </message>
    <message>
        <source>broken character (lone surrogate)</source>
        <translation>caractère cassé (substitut isolé)</translation>
    </message>
    <message>
        <source>marker bracket</source>
        <translation>crochet de marquage</translation>
    </message>
    <message>
        <source>… (1 more character — show all)</source>
        <translation>… (1 caractère de plus — tout afficher)</translation>
    </message>
    <message numerus="yes">
        <source>… (%n more characters — show all)</source>
        <translation>
            <numerusform>… (%n caractère de plus — tout afficher)</numerusform>
            <numerusform>… (%n caractères de plus — tout afficher)</numerusform>
        </translation>
    </message>
</context>
</TS>
