<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>countersign::models::ActionReport</name>
    <message>
        <source>Countersign action report %1</source>
        <translation>Countersign-Aktionsbericht %1</translation>
    </message>
    <message>
        <source>Action %1</source>
        <translation>Aktion %1</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Digest (recomputed by the console)</source>
        <translation>Digest (von der Konsole neu berechnet)</translation>
    </message>
    <message>
        <source>Trace id</source>
        <translation>Trace-ID</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Tool arguments (exactly as the tool receives them)</source>
        <translation>Werkzeugargumente (genau so, wie das Werkzeug sie erhält)</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Datenbereiche</translation>
    </message>
    <message>
        <source>none declared</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Berechtigungskette</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Genehmiger</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>Incident timeline (audit log)</source>
        <translation>Vorfallchronik (Audit-Log)</translation>
    </message>
</context>
<context>
    <name>countersign::core::ActionReview</name>
    <message numerus="yes">
        <source>… and %n more flag(s) of the same kinds; the content itself is shown in full.</source>
        <translation>
            <numerusform>… und %n weiterer Hinweis derselben Art; der Inhalt selbst wird vollständig angezeigt.</numerusform>
            <numerusform>… und %n weitere Hinweise derselben Arten; der Inhalt selbst wird vollständig angezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>request</source>
        <translation>Anfrage</translation>
    </message>
</context>
<context>
    <name>countersign::core::ActionRisk</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Reaches addresses outside the tenant&apos;s domains (%1): %2.</source>
        <translation>Erreicht Adressen außerhalb der Domänen des Mandanten (%1): %2.</translation>
    </message>
    <message>
        <source>Reaches addresses outside the requesting user&apos;s domain (%1): %2.</source>
        <translation>Erreicht Adressen außerhalb der Domäne des anfragenden Benutzers (%1): %2.</translation>
    </message>
    <message>
        <source>Reaches these addresses, and no tenant domain is known, so all count as external: %1.</source>
        <translation>Erreicht diese Adressen; da keine Domäne des Mandanten bekannt ist, gelten alle als extern: %1.</translation>
    </message>
    <message>
        <source>Sends data to destinations whose domain cannot be told: %1.</source>
        <translation>Sendet Daten an Ziele, deren Domäne sich nicht bestimmen lässt: %1.</translation>
    </message>
    <message>
        <source>External recipients</source>
        <translation>Externe Empfänger</translation>
    </message>
    <message>
        <source>Irreversible</source>
        <translation>Unumkehrbar</translation>
    </message>
    <message>
        <source>The tool declares that what it does cannot be undone: once approved, it stays done.</source>
        <translation>Das Werkzeug erklärt, dass sich seine Wirkung nicht rückgängig machen lässt: einmal genehmigt, bleibt es geschehen.</translation>
    </message>
    <message>
        <source>Destructive</source>
        <translation>Zerstörerisch</translation>
    </message>
    <message>
        <source>The tool declares that it may delete or overwrite data or resources.</source>
        <translation>Das Werkzeug erklärt, dass es Daten oder Ressourcen löschen oder überschreiben kann.</translation>
    </message>
    <message>
        <source>Touches restricted data: %1.</source>
        <translation>Berührt streng vertrauliche Daten: %1.</translation>
    </message>
    <message>
        <source>Changes or sends confidential data: %1.</source>
        <translation>Ändert oder versendet vertrauliche Daten: %1.</translation>
    </message>
    <message>
        <source>Sensitive data</source>
        <translation>Sensible Daten</translation>
    </message>
    <message>
        <source>Restricted data</source>
        <translation>Streng vertrauliche Daten</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Untrusted evidence</source>
        <translation>Nicht vertrauenswürdige Belege</translation>
    </message>
    <message>
        <source>Relies on sources that people outside your control can write: %1. Instructions planted there may have steered the agent.</source>
        <translation>Stützt sich auf Quellen, die Personen außerhalb Ihrer Kontrolle schreiben können: %1. Dort platzierte Anweisungen könnten den Agenten gesteuert haben.</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>keine Quelle</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>written from user-generated content</source>
        <translation>aus nutzergenerierten Inhalten geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>older than %n days</source>
        <translation>
            <numerusform>älter als %n Tag</numerusform>
            <numerusform>älter als %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>age unknown</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Stale or unsourced memory</source>
        <translation>Veraltetes Gedächtnis oder ohne Quelle</translation>
    </message>
    <message>
        <source>Relies on agent memory that may be stale or planted (%1).</source>
        <translation>Stützt sich auf Agentengedächtnis, das veraltet oder untergeschoben sein kann (%1).</translation>
    </message>
</context>
<context>
    <name>countersign::models::AuditVerification</name>
    <message>
        <source>a verification is already running</source>
        <translation>eine Prüfung läuft bereits</translation>
    </message>
    <message>
        <source>Verification cancelled after entry %1; nothing is proven beyond what was checked.</source>
        <translation>Prüfung nach Eintrag %1 abgebrochen; über das Geprüfte hinaus ist nichts bewiesen.</translation>
    </message>
</context>
<context>
    <name>countersign::core::AuthorityChainCheck</name>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Does not say who delegated it; the link before it is %1.</source>
        <translation>Nennt nicht, wer es delegiert hat; das Glied davor ist %1.</translation>
    </message>
    <message>
        <source>Says it was delegated by %1, but the link before it is %2: the chain is broken.</source>
        <translation>Gibt an, von %1 delegiert zu sein, aber das Glied davor ist %2: Die Kette ist unterbrochen.</translation>
    </message>
    <message>
        <source>Escalation: holds %1, broader than %2 held by %3 (the link it was delegated from); a dropped or changed limit widens the authority.</source>
        <translation>Ausweitung: hält %1, mehr als %2, das %3 hält (das Glied, von dem delegiert wurde); eine weggefallene oder geänderte Beschränkung erweitert die Berechtigung.</translation>
    </message>
    <message>
        <source>Escalation: holds %1, which %2 (the link it was delegated from) does not hold.</source>
        <translation>Ausweitung: hält %1, das %2 (das Glied, von dem delegiert wurde) nicht hält.</translation>
    </message>
    <message>
        <source>Expired at %1: this authority has lapsed.</source>
        <translation>Abgelaufen am %1: Diese Berechtigung ist erloschen.</translation>
    </message>
    <message>
        <source>Not valid yet: issued at %1, which is in the future by this computer&apos;s clock.</source>
        <translation>Noch nicht gültig: ausgestellt am %1, was nach der Uhr dieses Computers in der Zukunft liegt.</translation>
    </message>
    <message>
        <source>Expires (%1) before it was issued (%2): the credential&apos;s validity makes no sense.</source>
        <translation>Läuft ab (%1), bevor es ausgestellt wurde (%2): Die Gültigkeit des Nachweises ergibt keinen Sinn.</translation>
    </message>
    <message>
        <source>The authority chain is empty: nothing shows who authorised this action.</source>
        <translation>Die Berechtigungskette ist leer: Nichts zeigt, wer diese Aktion autorisiert hat.</translation>
    </message>
    <message>
        <source>No user link: no human is named as the source of this authority.</source>
        <translation>Kein Benutzerglied: Kein Mensch wird als Quelle dieser Berechtigung genannt.</translation>
    </message>
    <message>
        <source>The chain does not reach the tool being called (%1).</source>
        <translation>Die Kette reicht nicht bis zum aufgerufenen Werkzeug (%1).</translation>
    </message>
    <message>
        <source>Missing user link: the chain starts at %1 %2, so no human is named as the source of this authority.</source>
        <translation>Benutzerglied fehlt: Die Kette beginnt bei %1 %2, also wird kein Mensch als Quelle dieser Berechtigung genannt.</translation>
    </message>
    <message>
        <source>The chain ends at %1 %2, not at a tool: it does not reach the tool being called (%3).</source>
        <translation>Die Kette endet bei %1 %2, nicht bei einem Werkzeug: Sie reicht nicht bis zum aufgerufenen Werkzeug (%3).</translation>
    </message>
    <message>
        <source>The chain ends at tool %1, but the action calls %2.</source>
        <translation>Die Kette endet beim Werkzeug %1, aber die Aktion ruft %2 auf.</translation>
    </message>
</context>
<context>
    <name>countersign::models::AuthorityChainModel</name>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>(origin of the chain)</source>
        <translation>(Ursprung der Kette)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no expiry given</source>
        <translation>kein Ablauf angegeben</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Delegated by</source>
        <translation>Delegiert von</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Auth method</source>
        <translation>Anmeldeverfahren</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>countersign::net::BrokerConnection</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Catching up with the broker…</source>
        <translation>Gleiche mit dem Broker ab…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connection lost — retrying in %1 s (attempt %2)</source>
        <translation>Verbindung verloren — neuer Versuch in %1 s (Versuch %2)</translation>
    </message>
    <message>
        <source>The broker&apos;s certificate is not trusted yet</source>
        <translation>Dem Zertifikat des Brokers wird noch nicht vertraut</translation>
    </message>
    <message>
        <source>Connection refused — see the message above</source>
        <translation>Verbindung abgelehnt — siehe die Meldung oben</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <translation>TLS fehlgeschlagen</translation>
    </message>
    <message>
        <source>The signing key is locked; unlock it to connect.</source>
        <translation>Der Signaturschlüssel ist gesperrt; entsperren Sie ihn, um sich zu verbinden.</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ConnectionBanner</name>
    <message>
        <source>Connection state</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source> — nothing can be signed until the console is connected.</source>
        <translation> — nichts kann signiert werden, bis die Konsole verbunden ist.</translation>
    </message>
</context>
<context>
    <name>countersign::app::ConsoleApplication</name>
    <message>
        <source>This is the first start: Countersign creates your personal signing key.</source>
        <translation>Dies ist der erste Start: Countersign erstellt Ihren persönlichen Signaturschlüssel.</translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>Could not create the key: %1</source>
        <translation>Der Schlüssel konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>Your signing key</source>
        <translation>Ihr Signaturschlüssel</translation>
    </message>
    <message>
        <source>Your key id is

%1

Give the public key file
%2
to your broker&apos;s administrator to enrol you:

countersignd approver add --config … --name &quot;Your Name&quot; --role approver --tenant … --pubkey approver.pub</source>
        <translation>Ihre Schlüssel-ID ist

%1

Geben Sie die öffentliche Schlüsseldatei
%2
der Administration Ihres Brokers, damit Sie registriert werden:

countersignd approver add --config … --name &quot;Ihr Name&quot; --role approver --tenant … --pubkey approver.pub</translation>
    </message>
    <message>
        <source>Start a local demo broker with a demo agent and a demo approver key.</source>
        <translation>Einen lokalen Demo-Broker mit Demo-Agent und Demo-Genehmigerschlüssel starten.</translation>
    </message>
    <message>
        <source>Use the connection profile NAME.</source>
        <translation>Das Verbindungsprofil NAME verwenden.</translation>
    </message>
    <message>
        <source>Start with the signing key locked.</source>
        <translation>Mit gesperrtem Signaturschlüssel starten.</translation>
    </message>
    <message>
        <source>Review and sign high-impact AI agent actions.</source>
        <translation>Folgenreiche Aktionen von KI-Agenten prüfen und signieren.</translation>
    </message>
    <message>
        <source>Countersign is already running; its window was raised.</source>
        <translation>Countersign läuft bereits; sein Fenster wurde in den Vordergrund geholt.</translation>
    </message>
    <message>
        <source>Countersign demo</source>
        <translation>Countersign-Demo</translation>
    </message>
    <message>
        <source>The demo broker did not start: %1</source>
        <translation>Der Demo-Broker ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Countersign — demo (a local broker; nothing real is sent)</source>
        <translation>Countersign — Demo (ein lokaler Broker; nichts Echtes wird gesendet)</translation>
    </message>
    <message>
        <source>Pin the broker&apos;s public key (its keys/broker.pub) in the profile; audit verification uses it.</source>
        <translation>Den öffentlichen Schlüssel des Brokers (seine keys/broker.pub) im Profil fixieren; die Audit-Prüfung verwendet ihn.</translation>
    </message>
    <message>
        <source>Cannot pin the broker key: %1</source>
        <translation>Der Broker-Schlüssel kann nicht fixiert werden: %1</translation>
    </message>
</context>
<context>
    <name>countersign::app::ConsoleController</name>
    <message>
        <source>Your signing key is locked. Unlock it to sign decisions.</source>
        <translation>Ihr Signaturschlüssel ist gesperrt. Entsperren Sie ihn, um Entscheidungen zu signieren.</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Approval needed</source>
        <translation>Genehmigung erforderlich</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Your signing key is locked (File → Lock/unlock).</source>
        <translation>Ihr Signaturschlüssel ist gesperrt (Datei → Sperren/Entsperren).</translation>
    </message>
    <message>
        <source>Not connected to the broker: nothing can be signed until the connection is back.</source>
        <translation>Nicht mit dem Broker verbunden: Nichts kann signiert werden, bis die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>The action is no longer in the queue.</source>
        <translation>Die Aktion ist nicht mehr in der Warteschlange.</translation>
    </message>
    <message>
        <source>The deadline has passed; the action is expired and can no longer be decided.</source>
        <translation>Die Frist ist verstrichen; die Aktion ist abgelaufen und kann nicht mehr entschieden werden.</translation>
    </message>
    <message>
        <source>the key is locked</source>
        <translation>der Schlüssel ist gesperrt</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Your key does not have the on-call role: only on-call keys may engage, release or drill kill switches (the broker enforces this too).</source>
        <translation>Ihr Schlüssel hat nicht die Bereitschaftsrolle: Nur Bereitschaftsschlüssel dürfen Not-Aus-Schalter auslösen, aufheben oder üben (der Broker setzt das ebenfalls durch).</translation>
    </message>
    <message>
        <source>Unknown scope.</source>
        <translation>Unbekannter Geltungsbereich.</translation>
    </message>
    <message>
        <source>Pick or type the target for a %1 switch.</source>
        <translation>Wählen oder tippen Sie das Ziel für einen Not-Aus vom Typ %1.</translation>
    </message>
    <message>
        <source>Global (every tenant, agent, user and tool)</source>
        <translation>Global (jeder Mandant, Agent, Benutzer und jedes Werkzeug)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1: new actions will be accepted again; actions already killed stay killed.</source>
        <translation>%1: Neue Aktionen werden wieder angenommen; bereits abgebrochene Aktionen bleiben abgebrochen.</translation>
    </message>
    <message>
        <source>%1: a drill; nothing is engaged.</source>
        <translation>%1: eine Übung; nichts wird ausgelöst.</translation>
    </message>
    <message>
        <source>%1: 1 pending action will be killed; new actions refused</source>
        <translation>%1: 1 ausstehende Aktion wird abgebrochen; neue Aktionen werden abgewiesen</translation>
    </message>
    <message>
        <source>%1: %2 pending actions will be killed; new actions refused</source>
        <translation>%1: %2 ausstehende Aktionen werden abgebrochen; neue Aktionen werden abgewiesen</translation>
    </message>
    <message>
        <source>No such switch is active.</source>
        <translation>Kein solcher Not-Aus ist aktiv.</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Eine Begründung ist erforderlich.</translation>
    </message>
    <message>
        <source>The typed name does not match &quot;%1&quot;: nothing was engaged or released.</source>
        <translation>Der eingegebene Name stimmt nicht mit „%1“ überein: Nichts wurde ausgelöst oder aufgehoben.</translation>
    </message>
    <message>
        <source>Not connected to the broker.</source>
        <translation>Nicht mit dem Broker verbunden.</translation>
    </message>
    <message>
        <source>the connection profile pins no broker public key (countersign --pin-broker-key)</source>
        <translation>das Verbindungsprofil fixiert keinen öffentlichen Broker-Schlüssel (countersign --pin-broker-key)</translation>
    </message>
    <message>
        <source>countersign console (%1)</source>
        <translation>countersign-Konsole (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) chosen in the history view</source>
        <translation>
            <numerusform>%n Aktion im Verlauf ausgewählt</numerusform>
            <numerusform>%n Aktionen im Verlauf ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::models::DataScopeModel</name>
    <message>
        <source>not listed</source>
        <translation>nicht aufgeführt</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Why it stands out</source>
        <translation>Warum es auffällt</translation>
    </message>
</context>
<context>
    <name>countersign::ui::DecisionDialog</name>
    <message>
        <source>APPROVE</source>
        <translation>GENEHMIGEN</translation>
    </message>
    <message>
        <source>DENY</source>
        <translation>ABLEHNEN</translation>
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
        <translation>Sie sind dabei zu signieren:

  Entscheidung:      %1
  Aktion:            %2
  Werkzeug / Agent:  %3 / %4
  Digest:            %5
  Signiert von:      %6
  Zeit (UTC):        %7

Der Digest wurde von dieser Konsole aus der angezeigten Aktion berechnet.</translation>
    </message>
    <message>
        <source>Approve and sign</source>
        <translation>Genehmigen und signieren</translation>
    </message>
    <message>
        <source>Deny and sign</source>
        <translation>Ablehnen und signieren</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Begründung (erforderlich):</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>Begründung (optional):</translation>
    </message>
    <message>
        <source>Reason for the decision</source>
        <translation>Begründung der Entscheidung</translation>
    </message>
    <message>
        <source>Sign and send</source>
        <translation>Signieren und senden</translation>
    </message>
    <message>
        <source>Sign and send the decision</source>
        <translation>Die Entscheidung signieren und senden</translation>
    </message>
    <message>
        <source>Policy requires a reason for this decision.</source>
        <translation>Die Richtlinie verlangt für diese Entscheidung eine Begründung.</translation>
    </message>
</context>
<context>
    <name>countersign::models::DecisionsModel</name>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>INVALID: %1</source>
        <translation>UNGÜLTIG: %1</translation>
    </message>
    <message>
        <source>key unknown: cannot be checked</source>
        <translation>Schlüssel unbekannt: nicht prüfbar</translation>
    </message>
    <message>
        <source>valid, but the key was revoked since (%1)</source>
        <translation>gültig, aber der Schlüssel wurde seitdem widerrufen (%1)</translation>
    </message>
    <message>
        <source>MISMATCH: the statement is about another action</source>
        <translation>ABWEICHUNG: Die Erklärung betrifft eine andere Aktion</translation>
    </message>
    <message>
        <source>matches the displayed action</source>
        <translation>stimmt mit der angezeigten Aktion überein</translation>
    </message>
    <message>
        <source>MISMATCH: signed %1, displayed action is %2</source>
        <translation>ABWEICHUNG: signiert %1, die angezeigte Aktion ist %2</translation>
    </message>
    <message>
        <source>(unknown approver)</source>
        <translation>(unbekannter Genehmiger)</translation>
    </message>
    <message>
        <source>(no time)</source>
        <translation>(keine Zeit)</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Genehmiger</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Signiert am</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
</context>
<context>
    <name>countersign::app::DemoAgent</name>
    <message>
        <source>Demo: the tool call was simulated, nothing was sent.</source>
        <translation>Demo: Der Werkzeugaufruf wurde simuliert, nichts wurde gesendet.</translation>
    </message>
</context>
<context>
    <name>countersign::app::DemoBroker</name>
    <message>
        <source>countersignd %1 failed: %2</source>
        <translation>countersignd %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>countersignd was not found next to countersign or on PATH</source>
        <translation>countersignd wurde weder neben countersign noch im PATH gefunden</translation>
    </message>
    <message>
        <source>cannot create a temporary directory</source>
        <translation>ein temporäres Verzeichnis kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>the bundled scenario %1 is missing</source>
        <translation>das mitgelieferte Szenario %1 fehlt</translation>
    </message>
    <message>
        <source>the demo broker did not start</source>
        <translation>der Demo-Broker ist nicht gestartet</translation>
    </message>
    <message>
        <source>the demo broker has no certificate</source>
        <translation>der Demo-Broker hat kein Zertifikat</translation>
    </message>
</context>
<context>
    <name>countersign::app::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
</context>
<context>
    <name>countersign::models::EvidenceExport</name>
    <message>
        <source>no actions to export</source>
        <translation>keine Aktionen zum Exportieren</translation>
    </message>
    <message>
        <source>action %1 is not in the local cache</source>
        <translation>Aktion %1 ist nicht im lokalen Speicher</translation>
    </message>
    <message>
        <source>the cached audit log has no entries for %1 yet; sync and try again</source>
        <translation>das gespeicherte Audit-Log hat noch keine Einträge zu %1; abgleichen und erneut versuchen</translation>
    </message>
    <message>
        <source>no signed checkpoint covers these actions yet; wait for the broker&apos;s next checkpoint, sync, and export again (%1)</source>
        <translation>noch kein signierter Checkpoint deckt diese Aktionen ab; auf den nächsten Checkpoint des Brokers warten, abgleichen und erneut exportieren (%1)</translation>
    </message>
</context>
<context>
    <name>countersign::models::EvidenceModel</name>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>%1 (untrusted)</source>
        <translation>%1 (nicht vertrauenswürdig)</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>Excerpt: </source>
        <translation>Auszug: </translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>Source authority</source>
        <translation>Verantwortlich für die Quelle</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>Retrieved</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Used for</source>
        <translation>Verwendet für</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>countersign::models::HistoryModel</name>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>Genehmiger</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>countersign::models::HistorySync</name>
    <message>
        <source>the connection to the broker was lost during the sync</source>
        <translation>die Verbindung zum Broker ging während des Abgleichs verloren</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>cannot store audit entries: %1</source>
        <translation>Audit-Einträge können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>cannot store history: %1</source>
        <translation>der Verlauf kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>the broker refused the history request: %1</source>
        <translation>der Broker hat die Verlaufsanfrage abgewiesen: %1</translation>
    </message>
</context>
<context>
    <name>countersign::ui::HistoryView</name>
    <message>
        <source>History cache state</source>
        <translation>Zustand des Verlaufsspeichers</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>2026-12-01T00:00:00Z</source>
        <translation>2026-12-01T00:00:00Z</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>submitted before</source>
        <translation>eingereicht vor</translation>
    </message>
    <message>
        <source>T&amp;enant:</source>
        <translation>Ma&amp;ndant:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>Too&amp;l:</source>
        <translation>Werk&amp;zeug:</translation>
    </message>
    <message>
        <source>A&amp;pprover:</source>
        <translation>Genehmi&amp;ger:</translation>
    </message>
    <message>
        <source>name or key id</source>
        <translation>Name oder Schlüssel-ID</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>&amp;Regel:</translation>
    </message>
    <message>
        <source>O&amp;utcome:</source>
        <translation>Erge&amp;bnis:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suche:</translation>
    </message>
    <message>
        <source>words in tool arguments and evidence</source>
        <translation>Wörter in Werkzeugargumenten und Belegen</translation>
    </message>
    <message>
        <source>Search tool arguments and evidence</source>
        <translation>Werkzeugargumente und Belege durchsuchen</translation>
    </message>
    <message>
        <source>Resolved actions</source>
        <translation>Abgeschlossene Aktionen</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>&amp;Prüfung</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Entscheidungen</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Entscheidungen</translation>
    </message>
    <message>
        <source>&amp;Copy trace id</source>
        <translation>Trace-ID &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the trace id to the clipboard</source>
        <translation>Die Trace-ID in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Incident timeline</source>
        <translation>Vorfallchronik</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Chronik</translation>
    </message>
    <message>
        <source>Audit seq from</source>
        <translation>Audit-Sequenz ab</translation>
    </message>
    <message>
        <source>Verify from audit seq</source>
        <translation>Ab Audit-Sequenz prüfen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>newest cached</source>
        <translation>neueste gespeicherte</translation>
    </message>
    <message>
        <source>Verify up to audit seq (newest cached when empty)</source>
        <translation>Bis Audit-Sequenz prüfen (leer: neueste gespeicherte)</translation>
    </message>
    <message>
        <source>Verify &amp;audit log</source>
        <translation>&amp;Audit-Log prüfen</translation>
    </message>
    <message>
        <source>Audit verification progress</source>
        <translation>Fortschritt der Audit-Prüfung</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Save &amp;report…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>Save a readable report of the selected action</source>
        <translation>Einen lesbaren Bericht der ausgewählten Aktion speichern</translation>
    </message>
    <message>
        <source>E&amp;xport evidence…</source>
        <translation>Beweismaterial e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the selected action, or every action the filter shows, as an evidence bundle</source>
        <translation>Die ausgewählte Aktion oder alle vom Filter gezeigten Aktionen als Beweispaket exportieren</translation>
    </message>
    <message numerus="yes">
        <source>%n resolved action(s) in the local cache</source>
        <translation>
            <numerusform>%n abgeschlossene Aktion im lokalen Speicher</numerusform>
            <numerusform>%n abgeschlossene Aktionen im lokalen Speicher</numerusform>
        </translation>
    </message>
    <message>
        <source> · broker unreachable: showing the cache as of the last sync</source>
        <translation> · Broker nicht erreichbar: Speicherstand des letzten Abgleichs</translation>
    </message>
    <message>
        <source> · syncing with the broker…</source>
        <translation> · Abgleich mit dem Broker…</translation>
    </message>
    <message>
        <source> · sync failed: %1</source>
        <translation> · Abgleich fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source> · up to date with the broker</source>
        <translation> · auf dem Stand des Brokers</translation>
    </message>
    <message>
        <source>%1 is not a time like 2026-12-01 or 2026-12-01T09:00:00Z</source>
        <translation>%1 ist keine Zeitangabe wie 2026-12-01 oder 2026-12-01T09:00:00Z</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>No human decision: the policy resolved this action (or it expired or was killed).</source>
        <translation>Keine menschliche Entscheidung: Die Richtlinie hat diese Aktion abgeschlossen (oder sie ist abgelaufen oder wurde abgebrochen).</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n decision(s) verified locally: signature by the approver&apos;s enrolled key and digest of the action as displayed.</source>
        <translation>
            <numerusform>%1 von %n Entscheidung lokal geprüft: Signatur mit dem registrierten Schlüssel des Genehmigers und Digest der angezeigten Aktion.</numerusform>
            <numerusform>%1 von %n Entscheidungen lokal geprüft: Signatur mit dem registrierten Schlüssel des Genehmigers und Digest der angezeigten Aktion.</numerusform>
        </translation>
    </message>
    <message>
        <source>No trace id</source>
        <translation>Keine Trace-ID</translation>
    </message>
    <message>
        <source>Trace id: %1</source>
        <translation>Trace-ID: %1</translation>
    </message>
    <message>
        <source>Cannot verify: the connection profile pins no broker public key, and a key taken from the data being verified would prove nothing. Set it in the profile (see docs/console.md).</source>
        <translation>Prüfung nicht möglich: Das Verbindungsprofil fixiert keinen öffentlichen Broker-Schlüssel, und ein Schlüssel aus den zu prüfenden Daten würde nichts beweisen. Legen Sie ihn im Profil fest (siehe docs/console.md).</translation>
    </message>
    <message>
        <source>Cannot verify: %1</source>
        <translation>Prüfung nicht möglich: %1</translation>
    </message>
    <message>
        <source>Verifying the cached audit log…</source>
        <translation>Prüfe das gespeicherte Audit-Log…</translation>
    </message>
    <message>
        <source>Save action report</source>
        <translation>Aktionsbericht speichern</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Der Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Export evidence bundle into</source>
        <translation>Beweispaket exportieren nach</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n action(s) to %1</source>
        <translation>
            <numerusform>%n Aktion nach %1 exportiert</numerusform>
            <numerusform>%n Aktionen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Select an action in the list to see its review, read-only.</source>
        <translation>Wählen Sie eine Aktion in der Liste, um ihre Prüfung schreibgeschützt zu sehen.</translation>
    </message>
</context>
<context>
    <name>countersign::core::IdentifierCheck</name>
    <message>
        <source>email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>file path</source>
        <translation>Dateipfad</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>The %1 %2 mixes scripts (%3) in “%4”: a look-alike letter may stand in for a Latin one.</source>
        <translation>%1 %2 mischt Schriftsysteme (%3) in „%4“: Ein ähnlich aussehender Buchstabe könnte einen lateinischen ersetzen.</translation>
    </message>
    <message>
        <source>The %1 %2 looks like %3 but is a different string (Unicode TR39 confusable).</source>
        <translation>%1 %2 sieht aus wie %3, ist aber eine andere Zeichenkette (verwechselbar nach Unicode TR39).</translation>
    </message>
    <message>
        <source>The %1 %2 is drawn with non-Latin look-alike characters: it reads as “%3” but is not that string (Unicode TR39 confusable).</source>
        <translation>%1 %2 besteht aus nicht lateinischen, ähnlich aussehenden Zeichen: Es liest sich als „%3“, ist aber nicht diese Zeichenkette (verwechselbar nach Unicode TR39).</translation>
    </message>
    <message>
        <source>Internationalised domain: %1 is %2 in punycode, the form mail and DNS really use.</source>
        <translation>Internationalisierte Domäne: %1 lautet in Punycode %2, der Form, die E-Mail und DNS tatsächlich verwenden.</translation>
    </message>
    <message>
        <source>the tenant&apos;s own and allowed domains were not sent with this action, so every domain counts as external</source>
        <translation>die eigenen und erlaubten Domänen des Mandanten wurden mit dieser Aktion nicht übermittelt, daher gilt jede Domäne als extern</translation>
    </message>
    <message>
        <source>not one of tenant %1&apos;s domains (%2) nor in the policy&apos;s allow-list (%3)</source>
        <translation>weder eine Domäne des Mandanten %1 (%2) noch in der Erlaubnisliste der Richtlinie (%3)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>External domain %1 (in the %2 %3): %4.</source>
        <translation>Externe Domäne %1 (in %2 %3): %4.</translation>
    </message>
</context>
<context>
    <name>countersign::models::IncidentTimeline</name>
    <message>
        <source>Submitted by agent %1 for user %2 (tool %3, trace id %4, digest %5)</source>
        <translation>Eingereicht von Agent %1 für Benutzer %2 (Werkzeug %3, Trace-ID %4, Digest %5)</translation>
    </message>
    <message>
        <source>Policy decided %1 by rule %2: %3</source>
        <translation>Die Richtlinie entschied %1 nach Regel %2: %3</translation>
    </message>
    <message>
        <source>Decision accepted: %1 by %2 (%3), reason: %4</source>
        <translation>Entscheidung angenommen: %1 von %2 (%3), Begründung: %4</translation>
    </message>
    <message>
        <source>Decision rejected with code %1: %2 (key %3)</source>
        <translation>Entscheidung zurückgewiesen mit Code %1: %2 (Schlüssel %3)</translation>
    </message>
    <message>
        <source>Resolved as %1 by %2</source>
        <translation>Abgeschlossen als %1 durch %2</translation>
    </message>
    <message>
        <source> (kill switch %1)</source>
        <translation> (Not-Aus %1)</translation>
    </message>
    <message>
        <source>Execution result %1: %2</source>
        <translation>Ausführungsergebnis %1: %2</translation>
    </message>
    <message>
        <source>Kill switch %1 %2 on %3 %4 by %5: %6</source>
        <translation>Not-Aus %1 %2 auf %3 %4 durch %5: %6</translation>
    </message>
    <message>
        <source>engaged</source>
        <translation>ausgelöst</translation>
    </message>
    <message>
        <source>released</source>
        <translation>aufgehoben</translation>
    </message>
    <message>
        <source>User request received from %1</source>
        <translation>Benutzeranfrage von %1 empfangen</translation>
    </message>
</context>
<context>
    <name>countersign::core::InjectionCheck</name>
    <message>
        <source>tells the agent to ignore its instructions</source>
        <translation>weist den Agenten an, seine Anweisungen zu ignorieren</translation>
    </message>
    <message>
        <source>poses as a system or assistant message</source>
        <translation>gibt sich als System- oder Assistentennachricht aus</translation>
    </message>
    <message>
        <source>asks to send or include sensitive data</source>
        <translation>verlangt, sensible Daten zu senden oder einzufügen</translation>
    </message>
    <message>
        <source>names a new recipient</source>
        <translation>nennt einen neuen Empfänger</translation>
    </message>
    <message>
        <source>claims to change the rules</source>
        <translation>behauptet, die Regeln zu ändern</translation>
    </message>
    <message>
        <source>asks to keep something from the user</source>
        <translation>verlangt, dem Benutzer etwas zu verschweigen</translation>
    </message>
    <message>
        <source>Possible prompt injection: this text %1: “%2”. Whoever wrote it may be steering the agent; check that the action follows the user&apos;s request, not this.</source>
        <translation>Mögliche Prompt-Injection: Dieser Text %1: „%2“. Wer ihn geschrieben hat, steuert möglicherweise den Agenten; prüfen Sie, dass die Aktion der Anfrage des Benutzers folgt und nicht diesem Text.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more instruction-like passage(s) in the same text.</source>
        <translation>
            <numerusform>… und %n weitere anweisungsartige Passage im selben Text.</numerusform>
            <numerusform>… und %n weitere anweisungsartige Passagen im selben Text.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::IntentCheck</name>
    <message>
        <source>recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>account number</source>
        <translation>Kontonummer</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>evidence %1 “%2” (%3, untrusted)</source>
        <translation>Beleg %1 „%2“ (%3, nicht vertrauenswürdig)</translation>
    </message>
    <message>
        <source>memory %1</source>
        <translation>Gedächtniseintrag %1</translation>
    </message>
    <message>
        <source>it appears nowhere in the request, the evidence or the memory the agent showed</source>
        <translation>es kommt weder in der Anfrage noch in den Belegen oder im Gedächtnis vor, die der Agent vorgelegt hat</translation>
    </message>
    <message>
        <source>it came from %1</source>
        <translation>es stammt aus %1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Not from the user&apos;s request: the %1 %2 in %3 is not in what the user asked for nor in trusted evidence; %4.</source>
        <translation>Nicht aus der Anfrage des Benutzers: %1 %2 in %3 steht weder in dem, worum der Benutzer gebeten hat, noch in vertrauenswürdigen Belegen; %4.</translation>
    </message>
</context>
<context>
    <name>countersign::models::JsonTreeModel</name>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>Wahrheitswert</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>(value)</source>
        <translation>(Wert)</translation>
    </message>
    <message>
        <source>1 member</source>
        <translation>1 Element</translation>
    </message>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 Eintrag</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>String of %n UTF-16 code units</source>
        <translation>
            <numerusform>Zeichenkette aus %n UTF-16-Codeeinheit</numerusform>
            <numerusform>Zeichenkette aus %n UTF-16-Codeeinheiten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 with 1 child</source>
        <translation>%1 mit 1 Kindelement</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n children</source>
        <translation>
            <numerusform>%1 mit %n Kindelement</numerusform>
            <numerusform>%1 mit %n Kindelementen</numerusform>
        </translation>
    </message>
    <message>
        <source>Shown in part here: open “show all” to read the whole value.</source>
        <translation>Hier nur teilweise angezeigt: Öffnen Sie „Alles anzeigen“, um den ganzen Wert zu lesen.</translation>
    </message>
    <message>
        <source>1 invisible character made visible as a ⟦U+…⟧ token.</source>
        <translation>1 unsichtbares Zeichen als ⟦U+…⟧-Marke sichtbar gemacht.</translation>
    </message>
    <message numerus="yes">
        <source>%n invisible characters made visible as ⟦U+…⟧ tokens.</source>
        <translation>
            <numerusform>%n unsichtbares Zeichen als ⟦U+…⟧-Marke sichtbar gemacht.</numerusform>
            <numerusform>%n unsichtbare Zeichen als ⟦U+…⟧-Marken sichtbar gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>countersign::app::KeyStore</name>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>countersign::ui::KillSwitchDialog</name>
    <message>
        <source>RELEASE kill switch</source>
        <translation>Not-Aus AUFHEBEN</translation>
    </message>
    <message>
        <source>ENGAGE kill switch</source>
        <translation>Not-Aus AUSLÖSEN</translation>
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

Tippen Sie „%1“ zur Bestätigung.</translation>
    </message>
    <message>
        <source>

The order is signed with your key and sent to the broker at once.</source>
        <translation>

Die Anordnung wird mit Ihrem Schlüssel signiert und sofort an den Broker gesendet.</translation>
    </message>
    <message>
        <source>Release kill switch</source>
        <translation>Not-Aus aufheben</translation>
    </message>
    <message>
        <source>Engage kill switch</source>
        <translation>Not-Aus auslösen</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Begründung (erforderlich):</translation>
    </message>
    <message>
        <source>Reason for the kill-switch order</source>
        <translation>Begründung der Not-Aus-Anordnung</translation>
    </message>
    <message>
        <source>Type &quot;%1&quot; to confirm:</source>
        <translation>Tippen Sie „%1“ zur Bestätigung:</translation>
    </message>
    <message>
        <source>Typed confirmation of the target&apos;s name</source>
        <translation>Eingetippte Bestätigung des Zielnamens</translation>
    </message>
    <message>
        <source>Sign and release</source>
        <translation>Signieren und aufheben</translation>
    </message>
    <message>
        <source>Sign and engage</source>
        <translation>Signieren und auslösen</translation>
    </message>
    <message>
        <source>Sign and send the kill-switch order</source>
        <translation>Die Not-Aus-Anordnung signieren und senden</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Eine Begründung ist erforderlich.</translation>
    </message>
    <message>
        <source>Type the target&apos;s name exactly to confirm.</source>
        <translation>Tippen Sie den Namen des Ziels exakt ein, um zu bestätigen.</translation>
    </message>
</context>
<context>
    <name>countersign::models::KillSwitchModel</name>
    <message>
        <source>(everything)</source>
        <translation>(alles)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Geltungsbereich</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Engaged by</source>
        <translation>Ausgelöst von</translation>
    </message>
    <message>
        <source>Engaged at (UTC)</source>
        <translation>Ausgelöst am (UTC)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Pending killed</source>
        <translation>Ausstehende abgebrochen</translation>
    </message>
    <message>
        <source>Refused since</source>
        <translation>Seitdem abgewiesen</translation>
    </message>
    <message>
        <source>Agents affected</source>
        <translation>Betroffene Agenten</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>%1  %2 %3 %4 by %5: %6</source>
        <translation>%1  %2 %3 %4 von %5: %6</translation>
    </message>
</context>
<context>
    <name>countersign::ui::KillSwitchPanel</name>
    <message>
        <source>Kill switches</source>
        <translation>Not-Aus-Schalter</translation>
    </message>
    <message>
        <source>Kill-switch scope</source>
        <translation>Geltungsbereich des Not-Aus</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Global (everything)</source>
        <translation>Global (alles)</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Geltungsbereich:</translation>
    </message>
    <message>
        <source>pick one the console has seen, or type it</source>
        <translation>eines wählen, das die Konsole gesehen hat, oder eintippen</translation>
    </message>
    <message>
        <source>Kill-switch target</source>
        <translation>Ziel des Not-Aus</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Engage…</source>
        <translation>&amp;Auslösen…</translation>
    </message>
    <message>
        <source>Engage the kill switch</source>
        <translation>Den Not-Aus auslösen</translation>
    </message>
    <message>
        <source>&amp;Release…</source>
        <translation>Auf&amp;heben…</translation>
    </message>
    <message>
        <source>Release the selected kill switch</source>
        <translation>Den ausgewählten Not-Aus aufheben</translation>
    </message>
    <message>
        <source>&amp;Drill: what would this stop?</source>
        <translation>Ü&amp;bung: Was würde das stoppen?</translation>
    </message>
    <message>
        <source>Drill: list what this kill switch would stop, without engaging it</source>
        <translation>Übung: auflisten, was dieser Not-Aus stoppen würde, ohne ihn auszulösen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Fetch the active kill switches and their history from the broker</source>
        <translation>Die aktiven Not-Aus-Schalter und ihren Verlauf vom Broker abrufen</translation>
    </message>
    <message>
        <source>Active switches:</source>
        <translation>Aktive Schalter:</translation>
    </message>
    <message>
        <source>Active kill switches</source>
        <translation>Aktive Not-Aus-Schalter</translation>
    </message>
    <message>
        <source>The broker&apos;s answer to the last kill-switch order</source>
        <translation>Die Antwort des Brokers auf die letzte Not-Aus-Anordnung</translation>
    </message>
    <message>
        <source>What the drilled kill switch would stop</source>
        <translation>Was der geübte Not-Aus stoppen würde</translation>
    </message>
    <message>
        <source>Kill-switch history</source>
        <translation>Not-Aus-Verlauf</translation>
    </message>
    <message>
        <source>Broker&apos;s answer</source>
        <translation>Antwort des Brokers</translation>
    </message>
    <message>
        <source>Drill result</source>
        <translation>Ergebnis der Übung</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Engage %1 sent; waiting for the broker…</source>
        <translation>Auslösen von %1 gesendet; warte auf den Broker…</translation>
    </message>
    <message>
        <source>Select the active switch to release.</source>
        <translation>Wählen Sie den aktiven Schalter, der aufgehoben werden soll.</translation>
    </message>
    <message>
        <source>Release sent; waiting for the broker…</source>
        <translation>Aufhebung gesendet; warte auf den Broker…</translation>
    </message>
    <message>
        <source>Drill from the console: what would this stop?</source>
        <translation>Übung aus der Konsole: Was würde das stoppen?</translation>
    </message>
    <message>
        <source>Drill sent; waiting for the broker…</source>
        <translation>Übung gesendet; warte auf den Broker…</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>alles</translation>
    </message>
    <message>
        <source>your key does not have the on-call role for this scope</source>
        <translation>Ihr Schlüssel hat für diesen Geltungsbereich nicht die Bereitschaftsrolle</translation>
    </message>
    <message>
        <source>this switch is already engaged</source>
        <translation>dieser Not-Aus ist bereits ausgelöst</translation>
    </message>
    <message>
        <source>this switch is not engaged</source>
        <translation>dieser Not-Aus ist nicht ausgelöst</translation>
    </message>
    <message>
        <source>the order was refused</source>
        <translation>die Anordnung wurde abgewiesen</translation>
    </message>
    <message>
        <source>REFUSED by the broker after %1 ms: %2 (%3): %4</source>
        <translation>Vom Broker ABGEWIESEN nach %1 ms: %2 (%3): %4</translation>
    </message>
    <message>
        <source>Drill of %1 %2 (nothing was engaged), answered in %3 ms.</source>
        <translation>Übung für %1 %2 (nichts wurde ausgelöst), beantwortet in %3 ms.</translation>
    </message>
    <message>
        <source>Pending actions that would be killed: %1</source>
        <translation>Ausstehende Aktionen, die abgebrochen würden: %1</translation>
    </message>
    <message>
        <source>  %1  tenant %2, agent %3, tool %4, user %5</source>
        <translation>  %1  Mandant %2, Agent %3, Werkzeug %4, Benutzer %5</translation>
    </message>
    <message>
        <source>Agents affected: %1</source>
        <translation>Betroffene Agenten: %1</translation>
    </message>
    <message>
        <source>Agent tokens that would stop working: %1</source>
        <translation>Agenten-Token, die nicht mehr funktionieren würden: %1</translation>
    </message>
    <message>
        <source>  %1  agent %2, tenant %3</source>
        <translation>  %1  Agent %2, Mandant %3</translation>
    </message>
    <message>
        <source>Drill answered in %1 ms.</source>
        <translation>Übung beantwortet in %1 ms.</translation>
    </message>
    <message>
        <source>ENGAGED by the broker in %1 ms: %2 %3; %4 pending actions killed.</source>
        <translation>Vom Broker AUSGELÖST in %1 ms: %2 %3; %4 ausstehende Aktionen abgebrochen.</translation>
    </message>
    <message>
        <source>RELEASED by the broker in %1 ms: %2 %3; service restored in that scope.</source>
        <translation>Vom Broker AUFGEHOBEN in %1 ms: %2 %3; Dienst in diesem Geltungsbereich wiederhergestellt.</translation>
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
        <translation>Letzte Meldung</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>Show only this tenant</source>
        <translation>Nur diesen Mandanten anzeigen</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>A&amp;gent:</translation>
    </message>
    <message>
        <source>Show only this agent</source>
        <translation>Nur diesen Agenten anzeigen</translation>
    </message>
    <message>
        <source>T&amp;ool:</source>
        <translation>&amp;Werkzeug:</translation>
    </message>
    <message>
        <source>Show only this tool</source>
        <translation>Nur dieses Werkzeug anzeigen</translation>
    </message>
    <message>
        <source>&amp;Sort:</source>
        <translation>&amp;Sortierung:</translation>
    </message>
    <message>
        <source>Sort the queue</source>
        <translation>Die Warteschlange sortieren</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>Pending actions</source>
        <translation>Ausstehende Aktionen</translation>
    </message>
    <message>
        <source>Actions waiting for your decision, soonest deadline first</source>
        <translation>Aktionen, die auf Ihre Entscheidung warten, früheste Frist zuerst</translation>
    </message>
    <message>
        <source>Why a decision can or cannot be signed now</source>
        <translation>Warum eine Entscheidung jetzt signiert werden kann oder nicht</translation>
    </message>
    <message>
        <source>&amp;Deny…</source>
        <translation>&amp;Ablehnen…</translation>
    </message>
    <message>
        <source>Deny the selected action</source>
        <translation>Die ausgewählte Aktion ablehnen</translation>
    </message>
    <message>
        <source>Opens the confirmation: the decision is signed only after you confirm it</source>
        <translation>Öffnet die Bestätigung: Die Entscheidung wird erst signiert, wenn Sie sie bestätigen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Genehmigen…</translation>
    </message>
    <message>
        <source>Approve the selected action</source>
        <translation>Die ausgewählte Aktion genehmigen</translation>
    </message>
    <message>
        <source>Signing key %1</source>
        <translation>Signaturschlüssel %1</translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation>Not-Aus-Schalter</translation>
    </message>
    <message>
        <source>&amp;Kill switches</source>
        <translation>&amp;Not-Aus</translation>
    </message>
    <message>
        <source>Show &amp;kill switches…</source>
        <translation>&amp;Not-Aus-Schalter anzeigen…</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>Über Countersign</translation>
    </message>
    <message>
        <source>Countersign %1

A human, and a signature, between AI agents and their high-impact actions.

Qt %2, %3.</source>
        <translation>Countersign %1

Ein Mensch und eine Signatur zwischen KI-Agenten und ihren folgenreichen Aktionen.

Qt %2, %3.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Lock signing key</source>
        <translation>Signaturschlüssel &amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Next action</source>
        <translation>&amp;Nächste Aktion</translation>
    </message>
    <message>
        <source>&amp;Previous action</source>
        <translation>&amp;Vorherige Aktion</translation>
    </message>
    <message>
        <source>&amp;Focus the queue</source>
        <translation>Warteschlange &amp;fokussieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>Ü&amp;ber Countersign</translation>
    </message>
    <message>
        <source>Select an action to decide on it.</source>
        <translation>Wählen Sie eine Aktion, um über sie zu entscheiden.</translation>
    </message>
    <message>
        <source>Review every pane, then approve or deny. Your decision is signed with your key.</source>
        <translation>Prüfen Sie jeden Bereich, dann genehmigen oder ablehnen. Ihre Entscheidung wird mit Ihrem Schlüssel signiert.</translation>
    </message>
    <message>
        <source>Not signed: a reason is required.</source>
        <translation>Nicht signiert: Eine Begründung ist erforderlich.</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Nicht signiert: %1</translation>
    </message>
    <message>
        <source>Signed and queued: %1 %2. Waiting for the broker&apos;s answer…</source>
        <translation>Signiert und eingereiht: %1 %2. Warte auf die Antwort des Brokers…</translation>
    </message>
    <message numerus="yes">
        <source>Accepted for %1: %2 of %3 approvals; waiting for %n more.</source>
        <translation>
            <numerusform>Angenommen für %1: %2 von %3 Genehmigungen; warte auf %n weitere.</numerusform>
            <numerusform>Angenommen für %1: %2 von %3 Genehmigungen; warte auf %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Accepted for %1: the action is now %2.</source>
        <translation>Angenommen für %1: Die Aktion ist jetzt %2.</translation>
    </message>
    <message>
        <source>Rejected by the broker for %1 (%2): %3</source>
        <translation>Vom Broker zurückgewiesen für %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1 left the queue: %2. This is final.</source>
        <translation>%1 hat die Warteschlange verlassen: %2. Das ist endgültig.</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Approve… (not yet seen: %1)</source>
        <translation>Genehmigen… (noch nicht gesehen: %1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Scroll each pane to its end (or expand the whole tree) before approving.</source>
        <translation>Scrollen Sie jeden Bereich bis zum Ende (oder klappen Sie den ganzen Baum auf), bevor Sie genehmigen.</translation>
    </message>
    <message>
        <source>Not approved: some panes were not seen in full yet.</source>
        <translation>Nicht genehmigt: Einige Bereiche wurden noch nicht vollständig gesehen.</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>&amp;Verlauf anzeigen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s) left the queue: %1. This is final.</source>
        <translation>
            <numerusform>%Ln Aktion hat die Warteschlange verlassen: %1. Das ist endgültig.</numerusform>
            <numerusform>%Ln Aktionen haben die Warteschlange verlassen: %1. Das ist endgültig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::models::MemoryModel</name>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>keine angegeben</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>Geschrieben von</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Geschrieben am</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Hinweise</translation>
    </message>
</context>
<context>
    <name>countersign::ui::PassphraseDialog</name>
    <message>
        <source>Unlock your signing key</source>
        <translation>Signaturschlüssel entsperren</translation>
    </message>
    <message>
        <source>Protect your new signing key</source>
        <translation>Ihren neuen Signaturschlüssel schützen</translation>
    </message>
    <message>
        <source>Enter the passphrase of the key %1.</source>
        <translation>Geben Sie die Passphrase des Schlüssels %1 ein.</translation>
    </message>
    <message>
        <source>Choose a passphrase for your new signing key. It encrypts the key on disk; there is no way to recover it.</source>
        <translation>Wählen Sie eine Passphrase für Ihren neuen Signaturschlüssel. Sie verschlüsselt den Schlüssel auf der Festplatte; es gibt keine Möglichkeit, sie wiederherzustellen.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>Die Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>Use at least 8 characters.</source>
        <translation>Verwenden Sie mindestens 8 Zeichen.</translation>
    </message>
</context>
<context>
    <name>countersign::models::PendingQueueModel</name>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Server: </source>
        <translation>Server: </translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Name: </source>
        <translation>Name: </translation>
    </message>
    <message>
        <source>Owner: </source>
        <translation>Verantwortlich: </translation>
    </message>
    <message>
        <source>Model: </source>
        <translation>Modell: </translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>No risk badges.</source>
        <translation>Keine Risikomarken.</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Genehmigungen</translation>
    </message>
    <message>
        <source>%1 of %2 required approvals so far.</source>
        <translation>Bisher %1 von %2 erforderlichen Genehmigungen.</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>This action has no deadline.</source>
        <translation>Diese Aktion hat keine Frist.</translation>
    </message>
    <message>
        <source>Expired: it can no longer be decided; waiting for the broker to resolve it.</source>
        <translation>Abgelaufen: Sie kann nicht mehr entschieden werden; warte, bis der Broker sie abschließt.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>keine Frist</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>The tool the agent wants to call</source>
        <translation>Das Werkzeug, das der Agent aufrufen will</translation>
    </message>
    <message>
        <source>The agent that proposes the action</source>
        <translation>Der Agent, der die Aktion vorschlägt</translation>
    </message>
    <message>
        <source>The person whose request the agent is acting on</source>
        <translation>Die Person, in deren Auftrag der Agent handelt</translation>
    </message>
    <message>
        <source>The organisation the action runs in</source>
        <translation>Die Organisation, in der die Aktion läuft</translation>
    </message>
    <message>
        <source>Risk badges; hover a row for the reasons</source>
        <translation>Risikomarken; für die Gründe mit der Maus über eine Zeile fahren</translation>
    </message>
    <message>
        <source>Approvals so far / approvals required</source>
        <translation>Bisherige / erforderliche Genehmigungen</translation>
    </message>
    <message>
        <source>Time left to decide; after it the action is expired (denied)</source>
        <translation>Verbleibende Zeit für die Entscheidung; danach ist die Aktion abgelaufen (abgelehnt)</translation>
    </message>
    <message>
        <source>the message carries no action id</source>
        <translation>die Nachricht enthält keine Aktions-ID</translation>
    </message>
    <message>
        <source>the message carries no sequence number</source>
        <translation>die Nachricht enthält keine Sequenznummer</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>entry %1, before the range, is not in the cache</source>
        <translation>Eintrag %1 vor dem Bereich ist nicht im Speicher</translation>
    </message>
</context>
<context>
    <name>countersign::ui::RawJsonView</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Alles auswählen</translation>
    </message>
</context>
<context>
    <name>countersign::core::ReviewChecks</name>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>user-generated</source>
        <translation>nutzergeneriert</translation>
    </message>
    <message>
        <source>external</source>
        <translation>extern</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Restricted data: the most sensitive classification.</source>
        <translation>Streng vertrauliche Daten: die sensibelste Einstufung.</translation>
    </message>
    <message>
        <source>Confidential data.</source>
        <translation>Vertrauliche Daten.</translation>
    </message>
    <message>
        <source>Changes this data (write).</source>
        <translation>Ändert diese Daten (Schreiben).</translation>
    </message>
    <message>
        <source>Deletes this data.</source>
        <translation>Löscht diese Daten.</translation>
    </message>
    <message>
        <source>Sends this data to a recipient.</source>
        <translation>Sendet diese Daten an einen Empfänger.</translation>
    </message>
    <message>
        <source>Runs code or commands against this resource (execute).</source>
        <translation>Führt Code oder Befehle auf dieser Ressource aus (Ausführen).</translation>
    </message>
    <message>
        <source>Untrusted source (%1): whoever can write this content can steer the agent; check it before relying on it.</source>
        <translation>Nicht vertrauenswürdige Quelle (%1): Wer diesen Inhalt schreiben kann, kann den Agenten steuern; prüfen Sie ihn, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>No SHA-256 given: nothing ties this content to what was actually retrieved.</source>
        <translation>Kein SHA-256 angegeben: Nichts verbindet diesen Inhalt mit dem, was tatsächlich abgerufen wurde.</translation>
    </message>
    <message>
        <source>No source authority: nobody is named as controlling this content.</source>
        <translation>Keine Quellverantwortung: Niemand wird als Verantwortlicher für diesen Inhalt genannt.</translation>
    </message>
    <message>
        <source>Neither content nor an excerpt was provided: what the agent relied on cannot be read here.</source>
        <translation>Weder Inhalt noch Auszug wurden geliefert: Worauf sich der Agent stützt, lässt sich hier nicht lesen.</translation>
    </message>
    <message>
        <source>Expired at %1: the agent relied on memory that should no longer be used.</source>
        <translation>Abgelaufen am %1: Der Agent hat sich auf Gedächtnis gestützt, das nicht mehr verwendet werden sollte.</translation>
    </message>
    <message>
        <source>No written_at: the age of this memory is unknown.</source>
        <translation>Kein written_at: Das Alter dieses Gedächtniseintrags ist unbekannt.</translation>
    </message>
    <message numerus="yes">
        <source>Written %n days ago (%1): older than %2 days, it may no longer be true.</source>
        <translation>
            <numerusform>Vor %n Tag geschrieben (%1): älter als %2 Tage, möglicherweise nicht mehr zutreffend.</numerusform>
            <numerusform>Vor %n Tagen geschrieben (%1): älter als %2 Tage, möglicherweise nicht mehr zutreffend.</numerusform>
        </translation>
    </message>
    <message>
        <source>No source: nothing says where this memory came from, so it cannot be checked. Memory creates identity drift: an unchecked memory can quietly change what the agent believes.</source>
        <translation>Keine Quelle: Nichts sagt, woher dieser Gedächtniseintrag stammt, also lässt er sich nicht prüfen. Gedächtnis erzeugt Identitätsdrift: Ein ungeprüfter Eintrag kann still verändern, was der Agent glaubt.</translation>
    </message>
    <message>
        <source>Written from user-generated content (%1): anyone who wrote that content may have planted this memory. Memory creates identity drift: what an outsider wrote now speaks with the agent&apos;s own voice.</source>
        <translation>Aus nutzergenerierten Inhalten geschrieben (%1): Wer diesen Inhalt geschrieben hat, könnte diesen Gedächtniseintrag untergeschoben haben. Gedächtnis erzeugt Identitätsdrift: Was ein Außenstehender schrieb, spricht jetzt mit der Stimme des Agenten.</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ReviewPane</name>
    <message>
        <source>Maximise</source>
        <translation>Maximieren</translation>
    </message>
    <message>
        <source>Maximise the %1 pane</source>
        <translation>Den Bereich %1 maximieren</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ReviewPanel</name>
    <message>
        <source>What was asked, by whom, and why it needs approval</source>
        <translation>Was gefragt wurde, von wem und warum es eine Genehmigung braucht</translation>
    </message>
    <message>
        <source>Tool arguments</source>
        <translation>Werkzeugargumente</translation>
    </message>
    <message>
        <source>Tool arguments as a tree</source>
        <translation>Werkzeugargumente als Baum</translation>
    </message>
    <message>
        <source>Full value of %1</source>
        <translation>Vollständiger Wert von %1</translation>
    </message>
    <message>
        <source>Tool arguments as canonical JSON</source>
        <translation>Werkzeugargumente als kanonisches JSON</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>Baum</translation>
    </message>
    <message>
        <source>Raw (canonical JSON)</source>
        <translation>Roh (kanonisches JSON)</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Datenbereiche</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Berechtigungskette</translation>
    </message>
    <message>
        <source>Problems found in the authority chain</source>
        <translation>In der Berechtigungskette gefundene Probleme</translation>
    </message>
    <message>
        <source>Authority chain, from the user to the tool</source>
        <translation>Berechtigungskette, vom Benutzer bis zum Werkzeug</translation>
    </message>
    <message>
        <source>Evidence and memory</source>
        <translation>Belege und Gedächtnis</translation>
    </message>
    <message>
        <source>Evidence the agent relied on</source>
        <translation>Belege, auf die sich der Agent stützt</translation>
    </message>
    <message>
        <source>Content of the selected evidence</source>
        <translation>Inhalt des ausgewählten Belegs</translation>
    </message>
    <message>
        <source>Agent memory that influenced the action</source>
        <translation>Agentengedächtnis, das die Aktion beeinflusst hat</translation>
    </message>
    <message>
        <source>Content of the selected source:</source>
        <translation>Inhalt der ausgewählten Quelle:</translation>
    </message>
    <message>
        <source>Agent memory:</source>
        <translation>Agentengedächtnis:</translation>
    </message>
    <message>
        <source>Select an action in the queue to review it.</source>
        <translation>Wählen Sie eine Aktion in der Warteschlange, um sie zu prüfen.</translation>
    </message>
    <message>
        <source>%1 (UTC %2)</source>
        <translation>%1 (UTC %2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>(no policy information)</source>
        <translation>(keine Richtlinieninformation)</translation>
    </message>
    <message>
        <source>%1 asked:</source>
        <translation>%1 hat gefragt:</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>owned by</source>
        <translation>verantwortet von</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>Werkzeug:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>auf</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Policy rule</source>
        <translation>Richtlinienregel</translation>
    </message>
    <message>
        <source>asks for approval:</source>
        <translation>verlangt eine Genehmigung:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Frist:</translation>
    </message>
    <message>
        <source>Link %1 (%2 %3): %4</source>
        <translation>Glied %1 (%2 %3): %4</translation>
    </message>
    <message>
        <source>No problems found in the chain.</source>
        <translation>Keine Probleme in der Kette gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n problem(s) in the authority chain:
</source>
        <translation>
            <numerusform>⚠ %n Problem in der Berechtigungskette:
</numerusform>
            <numerusform>⚠ %n Probleme in der Berechtigungskette:
</numerusform>
        </translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>Keine Hinweise.</translation>
    </message>
    <message>
        <source>Flags about the request</source>
        <translation>Hinweise zur Anfrage</translation>
    </message>
    <message>
        <source>Flags about the tool arguments</source>
        <translation>Hinweise zu den Werkzeugargumenten</translation>
    </message>
    <message>
        <source>Flags about the data scopes</source>
        <translation>Hinweise zu den Datenbereichen</translation>
    </message>
    <message>
        <source>Flags about the evidence and memory</source>
        <translation>Hinweise zu Belegen und Gedächtnis</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in this pane, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n unsichtbares oder umordnendes Zeichen in diesem Bereich, als ⟦…⟧-Marke dargestellt.</numerusform>
            <numerusform>⚠ %n unsichtbare oder umordnende Zeichen in diesem Bereich, als ⟦…⟧-Marken dargestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in the tool arguments, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n unsichtbares oder umordnendes Zeichen in den Werkzeugargumenten, als ⟦…⟧-Marke dargestellt.</numerusform>
            <numerusform>⚠ %n unsichtbare oder umordnende Zeichen in den Werkzeugargumenten, als ⟦…⟧-Marken dargestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible prompt injection: %1</source>
        <translation>Mögliche Prompt-Injection: %1</translation>
    </message>
    <message>
        <source>The canonical JSON (RFC 8785) the action&apos;s digest covers. Long documents are shown in lines broken after commas; the line breaks are not part of the signed bytes.</source>
        <translation>Das kanonische JSON (RFC 8785), das der Digest der Aktion abdeckt. Lange Dokumente werden in Zeilen gezeigt, die nach Kommas umbrochen sind; die Zeilenumbrüche gehören nicht zu den signierten Bytes.</translation>
    </message>
</context>
<context>
    <name>countersign::core::ReviewTranscript</name>
    <message>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>(nested deeper than %1 levels: not shown)</source>
        <translation>(tiefer als %1 Ebenen verschachtelt: nicht angezeigt)</translation>
    </message>
    <message>
        <source>Countersign review transcript</source>
        <translation>Countersign-Prüfprotokoll</translation>
    </message>
    <message>
        <source>Every value from the action is shown whole, as plain text; ⟦…⟧ marks an invisible or reordering character; ⚑ marks a flag; │ continues a multi-line value.</source>
        <translation>Jeder Wert der Aktion wird vollständig als reiner Text gezeigt; ⟦…⟧ markiert ein unsichtbares oder umordnendes Zeichen; ⚑ markiert einen Hinweis; │ setzt einen mehrzeiligen Wert fort.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>(not submitted)</source>
        <translation>(nicht eingereicht)</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Domains</source>
        <translation>Domänen</translation>
    </message>
    <message>
        <source>from the policy: own %1; allowed %2</source>
        <translation>aus der Richtlinie: eigene %1; erlaubte %2</translation>
    </message>
    <message>
        <source>not sent by the broker: only the requesting user&apos;s domain (%1) is trusted%2</source>
        <translation>vom Broker nicht übermittelt: Nur der Domäne des anfragenden Benutzers (%1) wird vertraut%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>asked</source>
        <translation>gefragt</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
    <message>
        <source>Tool arguments</source>
        <translation>Werkzeugargumente</translation>
    </message>
    <message>
        <source>Data scopes</source>
        <translation>Datenbereiche</translation>
    </message>
    <message>
        <source>access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <source>records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Authority chain</source>
        <translation>Berechtigungskette</translation>
    </message>
    <message>
        <source>delegated by</source>
        <translation>delegiert von</translation>
    </message>
    <message>
        <source>issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>scopes</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>trust</source>
        <translation>Vertrauen</translation>
    </message>
    <message>
        <source>source authority</source>
        <translation>Quellverantwortung</translation>
    </message>
    <message>
        <source>uri</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>retrieved</source>
        <translation>abgerufen</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>used for</source>
        <translation>verwendet für</translation>
    </message>
    <message>
        <source>content</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <source>excerpt</source>
        <translation>Auszug</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Gedächtnis</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>written</source>
        <translation>geschrieben</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>countersign::ui::SettingsDialog</name>
    <message>
        <source>Countersign settings</source>
        <translation>Countersign-Einstellungen</translation>
    </message>
    <message>
        <source>Broker address</source>
        <translation>Adresse des Brokers</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>&amp;Broker:</translation>
    </message>
    <message>
        <source>CA certificate file (optional)</source>
        <translation>CA-Zertifikatsdatei (optional)</translation>
    </message>
    <message>
        <source>&amp;CA file (optional):</source>
        <translation>CA-&amp;Datei (optional):</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>noch nicht fixiert</translation>
    </message>
    <message>
        <source>Pinned certificate fingerprint</source>
        <translation>Fingerabdruck des fixierten Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Forget pinned certificate</source>
        <translation>Fixiertes Zertifikat &amp;vergessen</translation>
    </message>
    <message>
        <source>The next connection asks you to confirm the broker&apos;s fingerprint again</source>
        <translation>Bei der nächsten Verbindung werden Sie erneut gebeten, den Fingerabdruck des Brokers zu bestätigen</translation>
    </message>
    <message>
        <source>not pinned: you will be asked to confirm the fingerprint on the next connection</source>
        <translation>nicht fixiert: Bei der nächsten Verbindung werden Sie gebeten, den Fingerabdruck zu bestätigen</translation>
    </message>
    <message>
        <source>Pinned certificate:</source>
        <translation>Fixiertes Zertifikat:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock the signing key after this much inactivity</source>
        <translation>Den Signaturschlüssel nach so viel Inaktivität sperren</translation>
    </message>
    <message>
        <source>&amp;Lock key when idle for:</source>
        <translation>Schlüssel &amp;sperren nach Inaktivität von:</translation>
    </message>
    <message>
        <source>Notify when a new action arrives</source>
        <translation>Benachrichtigen, wenn eine neue Aktion eintrifft</translation>
    </message>
    <message>
        <source>Shows the tool and the agent of each new action; never its arguments or the agent&apos;s text</source>
        <translation>Zeigt Werkzeug und Agent jeder neuen Aktion; niemals ihre Argumente oder den Text des Agenten</translation>
    </message>
    <message>
        <source>Play a &amp;sound with each notification</source>
        <translation>Bei jeder Benachrichtigung einen &amp;Ton abspielen</translation>
    </message>
    <message>
        <source>&amp;Do not disturb: no notifications and no sound</source>
        <translation>&amp;Nicht stören: keine Benachrichtigungen und kein Ton</translation>
    </message>
    <message>
        <source>The tray icon still counts the pending actions. The desktop&apos;s own do-not-disturb is respected as well.</source>
        <translation>Das Symbol im Systembereich zählt die ausstehenden Aktionen weiterhin. Das „Nicht stören“ des Desktops wird ebenfalls beachtet.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language of the console</source>
        <translation>Sprache der Konsole</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
</context>
<context>
    <name>countersign::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Each command of the window and the keys that run it</source>
        <translation>Jeder Befehl des Fensters und die Tasten, die ihn ausführen</translation>
    </message>
</context>
<context>
    <name>countersign::core::TextCheck</name>
    <message numerus="yes">
        <source>%n invisible or reordering character(s) shown as ⟦…⟧ tokens: %1.</source>
        <translation>
            <numerusform>%n unsichtbares oder umordnendes Zeichen als ⟦…⟧-Marke dargestellt: %1.</numerusform>
            <numerusform>%n unsichtbare oder umordnende Zeichen als ⟦…⟧-Marken dargestellt: %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Content continues after %1 blank lines, at line %2: scroll on, something may be hidden below.</source>
        <translation>Der Inhalt geht nach %1 Leerzeilen in Zeile %2 weiter: Scrollen Sie weiter, unten könnte etwas verborgen sein.</translation>
    </message>
    <message>
        <source>Content continues after %1 whitespace characters on line %2: text may be pushed out of sight to the right.</source>
        <translation>Der Inhalt geht nach %1 Leerraumzeichen in Zeile %2 weiter: Text könnte nach rechts aus dem Sichtfeld geschoben sein.</translation>
    </message>
</context>
<context>
    <name>countersign::models::TimelineModel</name>
    <message>
        <source>(no time)</source>
        <translation>(keine Zeit)</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Audit seq</source>
        <translation>Audit-Sequenz</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
</context>
<context>
    <name>countersign::ui::TrayIcon</name>
    <message>
        <source>&amp;Show Countersign</source>
        <translation>Countersign &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Lock signing key</source>
        <translation>Signaturschlüssel &amp;sperren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Countersign: no actions waiting</source>
        <translation>Countersign: keine Aktionen warten</translation>
    </message>
    <message numerus="yes">
        <source>Countersign: %n action(s) waiting for approval</source>
        <translation>
            <numerusform>Countersign: %n Aktion wartet auf Genehmigung</numerusform>
            <numerusform>Countersign: %n Aktionen warten auf Genehmigung</numerusform>
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
        <translation>Dies ist die erste Verbindung zum Broker unter %1.

Sein TLS-Zertifikat hat den SHA-256-Fingerabdruck

%2

Vergleichen Sie ihn mit dem Fingerabdruck, den Ihnen der Betreiber des Brokers gegeben hat (ausgegeben von `countersignd init`). Vertrauen Sie ihm nur, wenn beide identisch sind; die Konsole weist danach jedes andere Zertifikat für diesen Broker zurück.</translation>
    </message>
    <message>
        <source>Trust this broker?</source>
        <translation>Diesem Broker vertrauen?</translation>
    </message>
    <message>
        <source>Trust and connect</source>
        <translation>Vertrauen und verbinden</translation>
    </message>
    <message>
        <source>The broker at %1 presented a different certificate than the one you trusted.

Trusted:   %2
Presented: %3

This can mean someone is intercepting the connection. The console will not connect. If the broker&apos;s certificate was really replaced, ask its operator for the new fingerprint and update the connection profile in Settings.</source>
        <translation>Der Broker unter %1 hat ein anderes Zertifikat vorgelegt als das, dem Sie vertraut haben.

Vertraut:     %2
Vorgelegt:    %3

Das kann bedeuten, dass jemand die Verbindung abfängt. Die Konsole verbindet sich nicht. Wurde das Zertifikat des Brokers wirklich ersetzt, fragen Sie seinen Betreiber nach dem neuen Fingerabdruck und aktualisieren Sie das Verbindungsprofil in den Einstellungen.</translation>
    </message>
    <message>
        <source>Broker certificate changed</source>
        <translation>Zertifikat des Brokers geändert</translation>
    </message>
</context>
<context>
    <name>countersign::core::UntrustedText</name>
    <message>
        <source>control character</source>
        <translation>Steuerzeichen</translation>
    </message>
    <message>
        <source>bidirectional control</source>
        <translation>Bidi-Steuerzeichen</translation>
    </message>
    <message>
        <source>zero-width character</source>
        <translation>Zeichen ohne Breite</translation>
    </message>
    <message>
        <source>soft hyphen</source>
        <translation>weicher Trennstrich</translation>
    </message>
    <message>
        <source>line or paragraph separator</source>
        <translation>Zeilen- oder Absatztrenner</translation>
    </message>
    <message>
        <source>tag character</source>
        <translation>Tag-Zeichen</translation>
    </message>
    <message>
        <source>invisible format character</source>
        <translation>unsichtbares Formatzeichen</translation>
    </message>
    <message>
        <source>invisible filler letter</source>
        <translation>unsichtbarer Füllbuchstabe</translation>
    </message>
    <message>
        <source>variation selector</source>
        <translation>Variantenselektor</translation>
    </message>
    <message>
        <source>broken character (lone surrogate)</source>
        <translation>defektes Zeichen (einzelnes Surrogat)</translation>
    </message>
    <message>
        <source>marker bracket</source>
        <translation>Markierungsklammer</translation>
    </message>
    <message>
        <source>… (1 more character — show all)</source>
        <translation>… (1 weiteres Zeichen — alles anzeigen)</translation>
    </message>
    <message numerus="yes">
        <source>… (%n more characters — show all)</source>
        <translation>
            <numerusform>… (%n weiteres Zeichen — alles anzeigen)</numerusform>
            <numerusform>… (%n weitere Zeichen — alles anzeigen)</numerusform>
        </translation>
    </message>
</context>
</TS>
