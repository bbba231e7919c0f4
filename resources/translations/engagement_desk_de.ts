<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AbsenceRows</name>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Absence</source>
        <translation>Abwesenheit</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Abwesenheiten</translation>
    </message>
    <message>
        <source>Add absence</source>
        <translation>Abwesenheit hinzufügen</translation>
    </message>
    <message>
        <source>Holidays, illness: nobody is planned in these days.</source>
        <translation>Urlaub, Krankheit: an diesen Tagen wird die Person nicht eingeplant.</translation>
    </message>
    <message>
        <source>Please enter both dates (DD.MM.YYYY).</source>
        <translation>Bitte beide Daten eintragen (TT.MM.JJJJ).</translation>
    </message>
</context>
<context>
    <name>Access</name>
    <message>
        <source>edit people</source>
        <translation>keine Personen bearbeiten</translation>
    </message>
    <message>
        <source>edit organisations and placements</source>
        <translation>keine Organisationen und Vermittlungen bearbeiten</translation>
    </message>
    <message>
        <source>edit events</source>
        <translation>keine Veranstaltungen bearbeiten</translation>
    </message>
    <message>
        <source>issue certificates</source>
        <translation>keine Nachweise ausstellen</translation>
    </message>
    <message>
        <source>record hours</source>
        <translation>keine Stunden erfassen</translation>
    </message>
    <message>
        <source>see the ride service</source>
        <translation>den Fahrdienst nicht einsehen</translation>
    </message>
    <message>
        <source>plan rides</source>
        <translation>keine Fahrten planen</translation>
    </message>
    <message>
        <source>read mobility needs</source>
        <translation>keinen Mobilitätsbedarf lesen</translation>
    </message>
    <message>
        <source>make data protection reports, anonymise or delete</source>
        <translation>keine Datenschutz-Auskünfte, Anonymisierungen oder Löschungen ausführen</translation>
    </message>
    <message>
        <source>import or export data</source>
        <translation>keine Daten importieren oder exportieren</translation>
    </message>
    <message>
        <source>change the settings</source>
        <translation>die Einstellungen nicht ändern</translation>
    </message>
    <message>
        <source>manage staff</source>
        <translation>keine Mitarbeitenden verwalten</translation>
    </message>
    <message>
        <source>Single PC</source>
        <translation>Einzelplatz</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2) · %3</source>
        <translation>Angemeldet: %1 (%2) · %3</translation>
    </message>
    <message>
        <source>Your role “%1” may not %2.</source>
        <translation>Ihre Rolle „%1“ darf %2.</translation>
    </message>
</context>
<context>
    <name>AccessReportButton</name>
    <message>
        <source>Access &amp;report …</source>
        <translation>Aus&amp;kunft erstellen …</translation>
    </message>
    <message>
        <source>Everything stored about this person as a letter (PDF) and a data file (JSON), for a request under Art. 15 GDPR</source>
        <translation>Alles, was über diese Person gespeichert ist, als Brief (PDF) und Datendatei (JSON) – für eine Auskunft nach Art. 15 DSGVO</translation>
    </message>
    <message>
        <source>Folder for the access report</source>
        <translation>Ordner für die Auskunft</translation>
    </message>
    <message>
        <source>Creating the access report …</source>
        <translation>Auskunft wird erstellt …</translation>
    </message>
    <message>
        <source>Access report – saved in %1</source>
        <translation>Auskunft – gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>ActivityPanel</name>
    <message>
        <source>&amp;Rides</source>
        <translation>&amp;Fahrten</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>&amp;Veranstaltungen</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Urkunden</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>As</source>
        <translation>Als</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>The latest 200 of each are shown.</source>
        <translation>Gezeigt werden jeweils die letzten 200.</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Fahrer/in</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Fahrgast</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add staff login</source>
        <translation>Anmeldung hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Login name:</source>
        <translation>&amp;Anmeldename:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>e.g. anna.meier</source>
        <translation>z. B. anna.meier</translation>
    </message>
    <message>
        <source>The login is created on the database server. Tell the person the password yourself; the program does not keep it.</source>
        <translation>Die Anmeldung wird auf dem Datenbankserver angelegt. Das Passwort bitte der Person selbst mitteilen; das Programm speichert es nicht.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>AgencyFields</name>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>Name %1 (%2):</source>
        <translation>Name %1 (%2):</translation>
    </message>
    <message>
        <source>Function:</source>
        <translation>Funktion:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Unterschrift:</translation>
    </message>
    <message>
        <source>e.g. Claudia Theis</source>
        <translation>z. B. Claudia Theis</translation>
    </message>
    <message>
        <source>e.g. Mayor of the town</source>
        <translation>z. B. Bürgermeisterin der Stadt</translation>
    </message>
    <message>
        <source>Agency &amp;name:</source>
        <translation>&amp;Name der Agentur:</translation>
    </message>
    <message>
        <source>&amp;Street:</source>
        <translation>&amp;Straße:</translation>
    </message>
    <message>
        <source>&amp;Postcode / town:</source>
        <translation>&amp;PLZ / Ort:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <source>&amp;Federal state:</source>
        <translation>&amp;Bundesland:</translation>
    </message>
    <message>
        <source>&amp;Km rate (euro):</source>
        <translation>&amp;Kilometerpauschale (Euro):</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>e.g. Freiwilligenagentur Kyllheim</source>
        <translation>z. B. Freiwilligenagentur Kyllheim</translation>
    </message>
    <message>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
    <message>
        <source>Decides the public holidays on which rides do not run.</source>
        <translation>Entscheidet über die Feiertage, an denen keine Fahrten stattfinden.</translation>
    </message>
    <message>
        <source>Paid to drivers per kilometre in the expense claims.</source>
        <translation>Wird Fahrerinnen und Fahrern je Kilometer in der Fahrtkostenabrechnung erstattet.</translation>
    </message>
    <message>
        <source>Swap left and right</source>
        <translation>Links und rechts tauschen</translation>
    </message>
    <message>
        <source>Please choose the federal state.</source>
        <translation>Bitte wählen Sie das Bundesland.</translation>
    </message>
</context>
<context>
    <name>AgencyPage</name>
    <message>
        <source>Agency</source>
        <translation>Agentur</translation>
    </message>
    <message>
        <source>Every print (certificates, run sheets, letters, lists) carries these.</source>
        <translation>Diese Angaben stehen auf jedem Ausdruck (Urkunden, Laufzettel, Briefe, Listen).</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>AgencySettingsPage</name>
    <message>
        <source>the settings</source>
        <translation>die Einstellungen</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>AnonymizeButton</name>
    <message>
        <source>&amp;Anonymize …</source>
        <translation>Anon&amp;ymisieren …</translation>
    </message>
    <message>
        <source>Erase this person&apos;s personal data and keep the statistics (Art. 17 GDPR); shows first what is removed and what is kept</source>
        <translation>Persönliche Daten dieser Person löschen, die Statistik behalten (Art. 17 DSGVO); zeigt vorher, was gelöscht wird und was bleibt</translation>
    </message>
    <message>
        <source>Anonymizing …</source>
        <translation>Anonymisiere …</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonymisiert</translation>
    </message>
    <message>
        <source>The personal data were erased; the record is now called “%1”.</source>
        <translation>Die persönlichen Daten wurden gelöscht; der Datensatz heißt jetzt „%1“.</translation>
    </message>
</context>
<context>
    <name>AnonymizeDialog</name>
    <message>
        <source>Anonymize %1</source>
        <translation>%1 anonymisieren</translation>
    </message>
    <message>
        <source>The personal data of %1 will be erased for good (Art. 17 GDPR); the record will be called “%2” and archived. This cannot be undone.</source>
        <translation>Die persönlichen Daten von %1 werden endgültig gelöscht (Art. 17 DSGVO); der Datensatz heißt danach „%2“ und wird archiviert. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>%1 cannot be anonymized yet.</source>
        <translation>%1 kann noch nicht anonymisiert werden.</translation>
    </message>
    <message>
        <source>Not possible because</source>
        <translation>Nicht möglich, weil</translation>
    </message>
    <message>
        <source>Will be removed</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Will be kept for the statistics</source>
        <translation>Bleibt für die Statistik erhalten</translation>
    </message>
    <message>
        <source>&amp;Anonymize</source>
        <translation>&amp;Anonymisieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>There is no database at %1 yet (the file is missing or empty).

Create a new database?</source>
        <translation>Unter %1 gibt es noch keine Datenbank (die Datei fehlt oder ist leer).

Neue Datenbank anlegen?</translation>
    </message>
    <message>
        <source>Engagement Desk</source>
        <translation>Engagement Desk</translation>
    </message>
    <message>
        <source>%1

Restore the latest verified backup now? The damaged file is kept as a copy beside it.</source>
        <translation>%1

Die letzte geprüfte Sicherung jetzt zurückspielen? Die beschädigte Datei wird vorher als Kopie daneben aufbewahrt.</translation>
    </message>
    <message>
        <source>Creating the database …</source>
        <translation>Die Datenbank wird angelegt …</translation>
    </message>
    <message>
        <source>Updating the database for this program version …
A verified backup is made first.</source>
        <translation>Die Datenbank wird für diese Programmversion aktualisiert …
Vorher wird eine geprüfte Datensicherung gemacht.</translation>
    </message>
    <message>
        <source>Restoring the latest backup …</source>
        <translation>Die letzte Sicherung wird zurückgespielt …</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonymisiert</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportiert</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Whole database</source>
        <translation>Gesamte Datenbank</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Search staff member, record or fields …</source>
        <translation>Bearbeiter/in, Datensatz oder Felder suchen …</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Bearbeiter/in</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>Alle Bearbeiter/innen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>The audit trail is empty.</source>
        <translation>Das Protokoll ist leer.</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>Choose a person by name, or type their number</source>
        <translation>Person über den Namen wählen oder ihre Nummer eingeben</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Export as &amp;CSV …</source>
        <translation>Als &amp;CSV exportieren …</translation>
    </message>
    <message>
        <source>The entries as listed, for Excel (semicolons, UTF-8)</source>
        <translation>Die Einträge wie aufgelistet, für Excel (Semikolon, UTF-8)</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Protokoll exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the audit trail …</source>
        <translation>Protokoll wird exportiert …</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>Protokoll exportiert</translation>
    </message>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Einträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AvailabilityRows</name>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
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
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>Zeit hinzufügen</translation>
    </message>
    <message>
        <source>When the person can help or drive, week by week.</source>
        <translation>Wann die Person helfen oder fahren kann, Woche für Woche.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sicherung jetzt</translation>
    </message>
    <message>
        <source>&amp;Restore …</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>Backup &amp;folder …</source>
        <translation>Sicherungs&amp;ordner …</translation>
    </message>
    <message>
        <source>Backup folder not reachable: %1</source>
        <translation>Sicherungsordner nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Noch keine Sicherung</translation>
    </message>
    <message numerus="yes">
        <source>Last backup %n day(s) ago</source>
        <translation>
            <numerusform>Letzte Sicherung vor %n Tag</numerusform>
            <numerusform>Letzte Sicherung vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Backed up: %1</source>
        <translation>Gesichert: %1</translation>
    </message>
    <message>
        <source>Backing up the database …</source>
        <translation>Sichere die Datenbank …</translation>
    </message>
    <message>
        <source>The backup was checked and saved:
%1

%2 people, %3 hours entries, %4 rides.</source>
        <translation>Die Sicherung wurde geprüft und gespeichert:
%1

%2 Personen, %3 Einsätze, %4 Fahrten.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Backing up before closing …</source>
        <translation>Sichere vor dem Beenden …</translation>
    </message>
    <message>
        <source>The backup before closing failed:
%1

Close anyway?</source>
        <translation>Die Sicherung vor dem Beenden ist fehlgeschlagen:
%1

Trotzdem beenden?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>A PostgreSQL database is restored on the server: load the snapshot into an empty database with &apos;engagement-desk db restore FILE&apos;.</source>
        <translation>Eine PostgreSQL-Datenbank wird auf dem Server wiederhergestellt: den Schnappschuss mit „engagement-desk db restore DATEI“ in eine leere Datenbank laden.</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Sicherung wählen</translation>
    </message>
    <message>
        <source>Engagement Desk backups (*.sqlite3)</source>
        <translation>Sicherungen von Engagement Desk (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restore the backup of %1 (%2 people, %3 hours entries, %4 rides)?

All current data is replaced. The current database is kept as a copy first.</source>
        <translation>Die Sicherung vom %1 (%2 Personen, %3 Einsätze, %4 Fahrten) zurückspielen?

Alle jetzigen Daten werden ersetzt. Die jetzige Datenbank wird vorher als Kopie aufbewahrt.</translation>
    </message>
    <message>
        <source>Restoring …</source>
        <translation>Stelle wieder her …</translation>
    </message>
    <message>
        <source>The backup of %1 is restored.</source>
        <translation>Die Sicherung vom %1 ist wiederhergestellt.</translation>
    </message>
    <message>
        <source>The database as it was before is kept as:
%1</source>
        <translation>Die Datenbank, wie sie vorher war, liegt als Kopie in:
%1</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Backup</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>Sicherungs&amp;ordner:</translation>
    </message>
    <message>
        <source>Backups made on this computer are written to this folder, e.g. an external drive or a network share. It is a setting of this computer, not of the database.</source>
        <translation>Sicherungen von diesem Computer werden in diesen Ordner geschrieben, z. B. auf eine externe Festplatte oder ein Netzlaufwerk. Das ist eine Einstellung dieses Computers, nicht der Datenbank.</translation>
    </message>
    <message>
        <source>Choose folder …</source>
        <translation>Ordner wählen …</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>Standardordner verwenden</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Engaged since</source>
        <translation>Engagiert seit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>CenterEditor</name>
    <message>
        <source>Na&amp;me</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thema</translation>
    </message>
    <message>
        <source>Str&amp;eet</source>
        <translation>St&amp;raße</translation>
    </message>
    <message>
        <source>Posta&amp;l code, town</source>
        <translation>P&amp;LZ, Ort</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Ph&amp;one</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-ma&amp;il</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Openin&amp;g hours</source>
        <translation>&amp;Öffnungszeiten</translation>
    </message>
    <message>
        <source>Contact &amp;person</source>
        <translation>Ansprech&amp;person</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>e.g. Tue 9–12, Thu 15–18</source>
        <translation>z. B. Di 9–12 Uhr, Do 15–18 Uhr</translation>
    </message>
    <message>
        <source>e.g. Seniors, Family, Migration</source>
        <translation>z. B. Senioren, Familie, Migration</translation>
    </message>
    <message>
        <source>Choose a centre from the list, or create a new one with Ctrl+N.</source>
        <translation>Wählen Sie links ein Zentrum oder legen Sie mit Strg+N ein neues an.</translation>
    </message>
    <message>
        <source>New centre</source>
        <translation>Neues Zentrum</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <source>Please choose a person from the list, or clear the field.</source>
        <translation>Bitte eine Person aus der Liste wählen oder das Feld leeren.</translation>
    </message>
</context>
<context>
    <name>CenterOverviewPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Gesucht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hours (12 months)</source>
        <translation>Stunden (12 Monate)</translation>
    </message>
    <message>
        <source>Placed in</source>
        <translation>Vermittelt in</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Belonging to this centre</source>
        <translation>Zu diesem Zentrum gehören</translation>
    </message>
    <message>
        <source>Clubs of the centre</source>
        <translation>Vereine des Zentrums</translation>
    </message>
    <message>
        <source>Opportunities of the centre</source>
        <translation>Engagementangebote des Zentrums</translation>
    </message>
    <message>
        <source>Volunteers of the centre</source>
        <translation>Ehrenamtliche des Zentrums</translation>
    </message>
    <message>
        <source>Events of the centre</source>
        <translation>Veranstaltungen des Zentrums</translation>
    </message>
    <message>
        <source>Clubs (%1)</source>
        <translation>Vereine (%1)</translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation>Angebote (%1)</translation>
    </message>
    <message>
        <source>Volunteers (%1)</source>
        <translation>Ehrenamtliche (%1)</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Veranstaltungen (%1)</translation>
    </message>
</context>
<context>
    <name>CentresPage</name>
    <message>
        <source>Engagement centres</source>
        <translation>Engagement-Zentren</translation>
    </message>
    <message>
        <source>Sho&amp;w archived ones</source>
        <translation>Arch&amp;ivierte anzeigen</translation>
    </message>
    <message>
        <source>&amp;New centre</source>
        <translation>&amp;Neues Zentrum</translation>
    </message>
    <message>
        <source>Create a new centre (Ctrl+N)</source>
        <translation>Ein neues Zentrum anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>1 centre</source>
        <translation>1 Zentrum</translation>
    </message>
    <message numerus="yes">
        <source>%Ln centre(s)</source>
        <translation>
            <numerusform>%Ln Zentrum</numerusform>
            <numerusform>%Ln Zentren</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
</context>
<context>
    <name>CertificateKind</name>
    <message>
        <source>Certificate of honour</source>
        <translation>Anerkennungsurkunde</translation>
    </message>
    <message>
        <source>Volunteering record</source>
        <translation>Engagementnachweis</translation>
    </message>
    <message>
        <source>Certificate of attendance</source>
        <translation>Teilnahmebescheinigung</translation>
    </message>
</context>
<context>
    <name>CertificateStatus</name>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Ersetzt</translation>
    </message>
</context>
<context>
    <name>CertificatesTab</name>
    <message>
        <source>Register of certificates</source>
        <translation>Urkundenregister</translation>
    </message>
    <message>
        <source>Search number or name …</source>
        <translation>Nummer oder Name suchen …</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No certificates have been issued yet.</source>
        <translation>Noch keine Urkunden ausgestellt.</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ausstellen</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Vorlagen</translation>
    </message>
    <message>
        <source>Enter hours</source>
        <translation>Stunden erfassen</translation>
    </message>
    <message>
        <source>Hours ledger</source>
        <translation>Stundenbuch</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>New role for %1:</source>
        <translation>Neue Rolle für %1:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereBar</name>
    <message>
        <source>Deleted by %1 at %2</source>
        <translation>Von %1 um %2 gelöscht</translation>
    </message>
    <message>
        <source>Changed by %1 at %2</source>
        <translation>Von %1 um %2 geändert</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ClockNotes</name>
    <message>
        <source>%1 does not exist on %2 (clocks go forward): the ride is planned for %3.</source>
        <translation>%1 Uhr gibt es am %2 nicht (Umstellung auf Sommerzeit): Die Fahrt wird für %3 Uhr geplant.</translation>
    </message>
    <message>
        <source>%1 occurs twice on %2 (clocks go back): the ride is planned for the first %1 (summer time).</source>
        <translation>%1 Uhr gibt es am %2 zweimal (Umstellung auf Winterzeit): Die Fahrt wird für das erste %1 Uhr (Sommerzeit) geplant.</translation>
    </message>
</context>
<context>
    <name>ClubsPage</name>
    <message>
        <source>Ne&amp;w</source>
        <translation>Ne&amp;u</translation>
    </message>
    <message>
        <source>Create a new organization (Ctrl+N)</source>
        <translation>Einen neuen Verein oder eine neue Einrichtung anlegen (Strg+N)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Centres</source>
        <translation>Zentren</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>Offene Angebote</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Ride service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>Fahrgäste</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Fahrer/in</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Bearbeiter/in</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Felder / Umfang</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>%1 saved this record at %2 while you were editing it. Choose for each field which value to keep.</source>
        <translation>%1 hat diesen Eintrag um %2 gespeichert, während Sie ihn bearbeitet haben. Wählen Sie für jedes Feld, welcher Wert gelten soll.</translation>
    </message>
    <message>
        <source>This record was saved at another workstation while you were editing it. Choose for each field which value to keep.</source>
        <translation>Dieser Eintrag wurde an einem anderen Arbeitsplatz gespeichert, während Sie ihn bearbeitet haben. Wählen Sie für jedes Feld, welcher Wert gelten soll.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>Gespeichert von %1</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Your input</source>
        <translation>Ihre Eingabe</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>&amp;Saved connections:</source>
        <translation>Gespeicherte &amp;Verbindungen:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>N&amp;eu</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Single PC (&amp;file)</source>
        <translation>Einzelplat&amp;z (Datei)</translation>
    </message>
    <message>
        <source>Server (Post&amp;greSQL)</source>
        <translation>Server (Post&amp;greSQL)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Date&amp;i:</translation>
    </message>
    <message>
        <source>&amp;Choose …</source>
        <translation>&amp;Auswählen …</translation>
    </message>
    <message>
        <source>A database file on this computer. It needs no login; use it on one PC only.</source>
        <translation>Eine Datenbankdatei auf diesem Rechner. Sie braucht keine Anmeldung; nur an einem Arbeitsplatz verwenden.</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Port (PostgreSQL: 5432)</source>
        <translation>Port (PostgreSQL: 5432)</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>empty: from the PostgreSQL password file</source>
        <translation>leer: aus der PostgreSQL-Passwortdatei</translation>
    </message>
    <message>
        <source>Remember the password in the operating system&apos;s &amp;keyring</source>
        <translation>Passwort im Schlüsselbund des Betriebssystems &amp;merken</translation>
    </message>
    <message>
        <source>This computer has no keyring: the password is not stored and is asked each time.</source>
        <translation>Auf diesem Rechner gibt es keinen Schlüsselbund: das Passwort wird nicht gespeichert und jedes Mal gefragt.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Speic&amp;hern</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Delete the connection “%1”? A password remembered for it is removed from the keyring too.</source>
        <translation>Die Verbindung „%1“ löschen? Ein dafür gemerktes Passwort wird auch aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbank (*.sqlite3 *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The connection “%1” is saved.</source>
        <translation>Die Verbindung „%1“ ist gespeichert.</translation>
    </message>
    <message>
        <source>A file needs no login; it is opened on Connect.</source>
        <translation>Eine Datei braucht keine Anmeldung; sie wird mit „Verbinden“ geöffnet.</translation>
    </message>
    <message>
        <source>Testing the connection …</source>
        <translation>Verbindung wird geprüft …</translation>
    </message>
    <message>
        <source>The connection works.</source>
        <translation>Die Verbindung funktioniert.</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>Bitte das Passwort eingeben.</translation>
    </message>
</context>
<context>
    <name>ConsentEventKind</name>
    <message>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>ConsentHistory</name>
    <message>
        <source>Current state and history</source>
        <translation>Aktueller Stand und Verlauf</translation>
    </message>
    <message>
        <source>As last saved. To record consent given again after a withdrawal, select the purpose and choose “Give again”, or clear “Withdrawn on” and enter the new date; the steps before stay in the history.</source>
        <translation>Stand der letzten Speicherung. Um eine nach einem Widerruf erneut erteilte Einwilligung zu erfassen, den Zweck auswählen und „Erneut erteilen“ wählen oder „Widerrufen am“ leeren und das neue Datum eintragen; die früheren Schritte bleiben im Verlauf.</translation>
    </message>
    <message>
        <source>Purpose / date</source>
        <translation>Zweck / Datum</translation>
    </message>
    <message>
        <source>State / step</source>
        <translation>Stand / Schritt</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Consents: current state and history</source>
        <translation>Einwilligungen: aktueller Stand und Verlauf</translation>
    </message>
    <message>
        <source>Give again</source>
        <translation>Erneut erteilen</translation>
    </message>
    <message>
        <source>Prepare the line of the selected, withdrawn purpose for a renewed consent</source>
        <translation>Die Zeile des ausgewählten, widerrufenen Zwecks für eine erneute Einwilligung vorbereiten</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>Withdrawn on %1</source>
        <translation>Widerrufen am %1</translation>
    </message>
    <message>
        <source>Given since %1</source>
        <translation>Erteilt seit %1</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Given again</source>
        <translation>Erneut erteilt</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Entered by %1 on %2</source>
        <translation>Erfasst von %1 am %2</translation>
    </message>
</context>
<context>
    <name>ConsentPurpose</name>
    <message>
        <source>Storage of data</source>
        <translation>Speicherung der Daten</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontaktaufnahme</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Fotos</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Veröffentlichung</translation>
    </message>
    <message>
        <source>Sharing with organizations</source>
        <translation>Weitergabe an Vereine</translation>
    </message>
</context>
<context>
    <name>ConsentRows</name>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Erteilt am</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Widerrufen am</translation>
    </message>
    <message>
        <source>Note (e.g. where the signed form is filed)</source>
        <translation>Hinweis (z. B. wo die unterschriebene Erklärung abgelegt ist)</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Consents (DSGVO)</source>
        <translation>Einwilligungen (DSGVO)</translation>
    </message>
    <message>
        <source>Add consent</source>
        <translation>Einwilligung hinzufügen</translation>
    </message>
    <message>
        <source>One line per purpose, as it stands now. When consent is withdrawn, enter the date instead of deleting the line; each change is kept in the history.</source>
        <translation>Eine Zeile je Zweck, mit dem aktuellen Stand. Bei einem Widerruf das Datum eintragen statt die Zeile zu löschen; jede Änderung bleibt im Verlauf erhalten.</translation>
    </message>
    <message>
        <source>Please enter the date of consent (DD.MM.YYYY).</source>
        <translation>Bitte das Datum der Einwilligung eintragen (TT.MM.JJJJ).</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY).</source>
        <translation>„%1“ ist kein Datum (TT.MM.JJJJ).</translation>
    </message>
</context>
<context>
    <name>ConsentSource</name>
    <message>
        <source>On paper</source>
        <translation>Schriftlich</translation>
    </message>
    <message>
        <source>By phone</source>
        <translation>Telefonisch</translation>
    </message>
    <message>
        <source>By e-mail</source>
        <translation>Per E-Mail</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Persönlich</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Funktion</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Contact people of the organization</source>
        <translation>Ansprechpersonen der Organisation</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Remove the chosen contact person (Del)</source>
        <translation>Die gewählte Ansprechperson entfernen (Entf)</translation>
    </message>
    <message>
        <source>Add an existing person as contact person:</source>
        <translation>Eine vorhandene Person als Ansprechperson hinzufügen:</translation>
    </message>
    <message>
        <source>Perso&amp;n</source>
        <translation>Pers&amp;on</translation>
    </message>
    <message>
        <source>Func&amp;tion</source>
        <translation>Fun&amp;ktion</translation>
    </message>
    <message>
        <source>e.g. chair, treasurer</source>
        <translation>z. B. Vorsitzende, Kassenwart</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzu&amp;fügen</translation>
    </message>
    <message>
        <source>Adds the person as contact and gives them the role “club contact”</source>
        <translation>Fügt die Person als Ansprechperson hinzu und gibt ihr die Rolle „Ansprechpartner/in“</translation>
    </message>
    <message>
        <source>Please choose a person from the list.</source>
        <translation>Bitte eine Person aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Please type a name and choose the person.</source>
        <translation>Bitte einen Namen eingeben und die Person aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <source>Remove %1 as contact person of %2?

The person stays in the records.</source>
        <translation>%1 als Ansprechperson von %2 entfernen?

Die Person selbst bleibt gespeichert.</translation>
    </message>
    <message>
        <source>Remove contact person</source>
        <translation>Ansprechperson entfernen</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Choose from calendar (F4)</source>
        <translation>Aus dem Kalender wählen (F4)</translation>
    </message>
</context>
<context>
    <name>DemoAgency</name>
    <message>
        <source>The demo is from an earlier week: creating it anew for today …</source>
        <translation>Die Demo stammt aus einer früheren Woche: sie wird für heute neu angelegt …</translation>
    </message>
    <message>
        <source>Creating the demo agency …</source>
        <translation>Die Demo-Agentur wird angelegt …</translation>
    </message>
</context>
<context>
    <name>DoneDialog</name>
    <message>
        <source>Ride done</source>
        <translation>Fahrt erledigt</translation>
    </message>
    <message>
        <source>e.g. 12,5</source>
        <translation>z. B. 12,5</translation>
    </message>
    <message>
        <source>as planned</source>
        <translation>wie geplant</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>&amp;Kilometres:</source>
        <translation>&amp;Kilometer:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please enter the kilometres driven.</source>
        <translation>Bitte die gefahrenen Kilometer angeben.</translation>
    </message>
</context>
<context>
    <name>DriversEditor</name>
    <message>
        <source>Drivers</source>
        <translation>Fahrer/innen</translation>
    </message>
    <message>
        <source>At most rides per week:</source>
        <translation>Höchstens Fahrten pro Woche:</translation>
    </message>
    <message>
        <source>Vehicle:</source>
        <translation>Fahrzeug:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the driver&apos;s profile (Ctrl+S)</source>
        <translation>Das Profil der Fahrerin/des Fahrers speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Preferred passengers</source>
        <translation>Bevorzugte Fahrgäste</translation>
    </message>
    <message>
        <source>Passenger to add</source>
        <translation>Fahrgast hinzufügen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Preferred passengers (usual driver):</source>
        <translation>Bevorzugte Fahrgäste (Stammfahrer/in):</translation>
    </message>
    <message numerus="yes">
        <source>%Ln driver(s)</source>
        <translation>
            <numerusform>%Ln Fahrer/in</numerusform>
            <numerusform>%Ln Fahrer/innen</numerusform>
        </translation>
    </message>
    <message>
        <source>(no vehicle)</source>
        <translation>(kein Fahrzeug)</translation>
    </message>
    <message>
        <source>the driver</source>
        <translation>der Fahrerin/dem Fahrer</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <source>Away: %1</source>
        <translation>Abwesend: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Already known?</source>
        <translation>Schon bekannt?</translation>
    </message>
    <message>
        <source>These people look like the one you are entering. Open the existing record instead of creating a second one?</source>
        <translation>Diese Personen sehen aus wie die, die Sie gerade eingeben. Lieber die vorhandene Person öffnen, statt sie ein zweites Mal anzulegen?</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>Vorhandene &amp;öffnen</translation>
    </message>
    <message>
        <source>&amp;Create anyway</source>
        <translation>Trotzdem &amp;neu anlegen</translation>
    </message>
</context>
<context>
    <name>EditorBase</name>
    <message>
        <source>Save changes?</source>
        <translation>Änderungen speichern?</translation>
    </message>
    <message>
        <source>The changes to %1 are not saved yet.</source>
        <translation>Die Änderungen an %1 sind noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>this record</source>
        <translation>diesem Datensatz</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Anderswo geändert</translation>
    </message>
    <message>
        <source>Load the saved version now? What you typed here will be lost.</source>
        <translation>Jetzt den gespeicherten Stand laden? Was Sie hier eingegeben haben, geht dabei verloren.</translation>
    </message>
    <message>
        <source>The saved version is shown now; type your change again.</source>
        <translation>Jetzt ist der gespeicherte Stand zu sehen; bitte geben Sie Ihre Änderung noch einmal ein.</translation>
    </message>
    <message>
        <source>Changed elsewhere: %1</source>
        <translation>Anderswo geändert: %1</translation>
    </message>
    <message>
        <source>other entries</source>
        <translation>weitere Angaben</translation>
    </message>
    <message>
        <source>These changes cannot be taken over and will be lost: %1. Load the saved version and choose for the other fields?</source>
        <translation>Diese Änderungen lassen sich nicht übernehmen und werden verworfen: %1. Die gespeicherte Fassung laden und für die übrigen Felder wählen?</translation>
    </message>
    <message>
        <source>Changed by %1 at %2</source>
        <translation>Von %1 um %2 geändert</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>You have changed %1 here. Keep your changes on top of the saved version?</source>
        <translation>Sie haben %1 hier geändert. Ihre Änderungen in die gespeicherte Fassung übernehmen?</translation>
    </message>
    <message>
        <source>Keep my changes</source>
        <translation>Meine Änderungen behalten</translation>
    </message>
    <message>
        <source>Discard my changes</source>
        <translation>Meine Änderungen verwerfen</translation>
    </message>
    <message>
        <source>Not kept, please enter again: %1</source>
        <translation>Nicht übernommen, bitte neu eintragen: %1</translation>
    </message>
    <message>
        <source>Saved elsewhere meanwhile with the same values.</source>
        <translation>Inzwischen anderswo mit denselben Werten gespeichert.</translation>
    </message>
</context>
<context>
    <name>EntryRows</name>
    <message>
        <source>No entries yet.</source>
        <translation>Noch keine Einträge.</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>EventDayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>&amp;Wann:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <source>&amp;Centre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>Organi&amp;zed by:</source>
        <translation>&amp;Veranstalter:</translation>
    </message>
    <message>
        <source>&amp;Places:</source>
        <translation>&amp;Plätze:</translation>
    </message>
    <message>
        <source>P&amp;ublic:</source>
        <translation>Ö&amp;ffentlich:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Hours credited:</source>
        <translation>&amp;Stunden angerechnet:</translation>
    </message>
    <message>
        <source>T&amp;rainer:</source>
        <translation>&amp;Referent/in:</translation>
    </message>
    <message>
        <source>&amp;Agenda:</source>
        <translation>&amp;Tagesordnung:</translation>
    </message>
    <message>
        <source>&amp;Minutes:</source>
        <translation>Pro&amp;tokoll:</translation>
    </message>
    <message>
        <source>&amp;Next meeting:</source>
        <translation>&amp;Nächstes Treffen:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>(no centre)</source>
        <translation>(kein Zentrum)</translation>
    </message>
    <message>
        <source>(the agency itself)</source>
        <translation>(die Freiwilligenagentur selbst)</translation>
    </message>
    <message>
        <source>The club or initiative organizing the event</source>
        <translation>Der Verein oder die Initiative, die die Veranstaltung ausrichtet</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>shown in the public calendar</source>
        <translation>im öffentlichen Kalender zeigen</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <source>e.g. 2.5</source>
        <translation>z. B. 2,5</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Schulung</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Arbeitskreis</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>Plan a new event (Ctrl+N)</source>
        <translation>Neue Veranstaltung planen (Strg+N)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the event with its shifts, registrations and questions</source>
        <translation>Die Veranstaltung mit ihren Schichten, Anmeldungen und Fragen löschen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the event (Ctrl+S)</source>
        <translation>Veranstaltung speichern (Strg+S)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>%1 registered, %2 waiting</source>
        <translation>%1 angemeldet, %2 auf der Warteliste</translation>
    </message>
    <message>
        <source>%1 of %3 places taken, %2 waiting</source>
        <translation>%1 von %3 Plätzen belegt, %2 auf der Warteliste</translation>
    </message>
    <message>
        <source>(archived organization)</source>
        <translation>(archivierte Organisation)</translation>
    </message>
    <message>
        <source>the new event</source>
        <translation>der neuen Veranstaltung</translation>
    </message>
    <message>
        <source>The new event is not saved yet.</source>
        <translation>Die neue Veranstaltung ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>No organization of this name; please choose one from the list.</source>
        <translation>Keine Organisation dieses Namens – bitte eine aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Delete “%1” on %2 with its shifts, registrations and questions?

This cannot be undone.</source>
        <translation>„%1“ am %2 mit Schichten, Anmeldungen und Fragen löschen?

Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Veranstaltung löschen</translation>
    </message>
</context>
<context>
    <name>EventKind</name>
    <message>
        <source>Club fair</source>
        <translation>Vereinsmesse</translation>
    </message>
    <message>
        <source>Volunteer day</source>
        <translation>Freiwilligentag</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Engagement-Werkstatt</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Schulung (Vereinsforum)</translation>
    </message>
    <message>
        <source>Citizen dialogue</source>
        <translation>Bürgerschaft (ge)fragt</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Arbeitskreis</translation>
    </message>
    <message>
        <source>Recognition event</source>
        <translation>Ehrenamtsempfang</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Sonstige Veranstaltung</translation>
    </message>
</context>
<context>
    <name>EventMonthModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung</numerusform>
            <numerusform>%n Veranstaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventMonthView</name>
    <message>
        <source>Previous month</source>
        <translation>Vorheriger Monat</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Nächster Monat</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Show the current month and select today</source>
        <translation>Den aktuellen Monat zeigen und heute auswählen</translation>
    </message>
    <message>
        <source>Events calendar</source>
        <translation>Veranstaltungskalender</translation>
    </message>
    <message>
        <source>Events of the selected day</source>
        <translation>Veranstaltungen des ausgewählten Tages</translation>
    </message>
    <message>
        <source>Events on %1</source>
        <translation>Veranstaltungen am %1</translation>
    </message>
    <message>
        <source>No events on %1</source>
        <translation>Keine Veranstaltungen am %1</translation>
    </message>
    <message>
        <source>%1 registered</source>
        <translation>%1 angemeldet</translation>
    </message>
    <message>
        <source>%1 of %2 places taken</source>
        <translation>%1 von %2 Plätzen belegt</translation>
    </message>
    <message>
        <source>Internal event</source>
        <translation>Interne Veranstaltung</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>List of events</source>
        <translation>Liste der Veranstaltungen</translation>
    </message>
    <message>
        <source>Search title or venue …</source>
        <translation>Titel oder Ort suchen …</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Kommende</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>No events planned yet.</source>
        <translation>Noch keine Veranstaltungen geplant.</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Re&amp;gistrations</source>
        <translation>An&amp;meldungen</translation>
    </message>
    <message>
        <source>Sh&amp;ifts</source>
        <translation>Schich&amp;ten</translation>
    </message>
    <message>
        <source>Q&amp;uestions</source>
        <translation>F&amp;ragen</translation>
    </message>
    <message>
        <source>Citizens&apos; questions and suggestions for the round</source>
        <translation>Fragen und Anregungen aus der Bürgerschaft für die Gesprächsrunde</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Show the events as a list</source>
        <translation>Die Veranstaltungen als Liste zeigen</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Show the events of a month as a calendar</source>
        <translation>Die Veranstaltungen eines Monats als Kalender zeigen</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Sign-in list</source>
        <translation>Teilnehmerliste</translation>
    </message>
    <message>
        <source>Helper plan</source>
        <translation>Helferplan</translation>
    </message>
    <message>
        <source>Name badges</source>
        <translation>Namensschilder</translation>
    </message>
    <message>
        <source>Invitations …</source>
        <translation>Einladungen …</translation>
    </message>
    <message>
        <source>Letters, address labels or an e-mail list for the invitees of this event</source>
        <translation>Briefe, Adressetiketten oder eine E-Mail-Liste für die Eingeladenen dieser Veranstaltung</translation>
    </message>
    <message>
        <source>iCal export…</source>
        <translation>iCal-Export…</translation>
    </message>
    <message>
        <source>Save the public events as a calendar file</source>
        <translation>Die öffentlichen Veranstaltungen als Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>Export public events</source>
        <translation>Öffentliche Veranstaltungen exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message>
        <source>The public events were saved to %1.</source>
        <translation>Die öffentlichen Veranstaltungen wurden in %1 gespeichert.</translation>
    </message>
</context>
<context>
    <name>FieldValues</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Call on</source>
        <translation>Anrufen am</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <source>Follow-up calls of this week</source>
        <translation>Wiedervorlagen dieser Woche</translation>
    </message>
    <message>
        <source>Next step after the call</source>
        <translation>Nächster Schritt nach dem Anruf</translation>
    </message>
    <message>
        <source>New &amp;status</source>
        <translation>Neuer &amp;Status</translation>
    </message>
    <message>
        <source>D&amp;ate of the step</source>
        <translation>Da&amp;tum des Schritts</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Next call on</source>
        <translation>Nächster Anruf am</translation>
    </message>
    <message>
        <source>Ne&amp;xt call on</source>
        <translation>Nächster Anr&amp;uf am</translation>
    </message>
    <message>
        <source>What was agreed</source>
        <translation>Was wurde besprochen?</translation>
    </message>
    <message>
        <source>Record s&amp;tep</source>
        <translation>Schritt &amp;eintragen</translation>
    </message>
    <message>
        <source>No calls due this week.</source>
        <translation>Diese Woche sind keine Rückrufe fällig.</translation>
    </message>
    <message>
        <source>%1 calls due by Sunday, %2 – %3 of them overdue</source>
        <translation>%1 Rückrufe fällig bis Sonntag, %2 – davon %3 überfällig</translation>
    </message>
    <message>
        <source>1 call due by Sunday, %2</source>
        <translation>1 Rückruf fällig bis Sonntag, %2</translation>
    </message>
    <message>
        <source>%1 calls due by Sunday, %2</source>
        <translation>%1 Rückrufe fällig bis Sonntag, %2</translation>
    </message>
    <message>
        <source>%1 – overdue</source>
        <translation>%1 – überfällig</translation>
    </message>
    <message>
        <source>Choose a call in the list.</source>
        <translation>Wählen Sie einen Rückruf in der Liste.</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source>Reload the list now?</source>
        <translation>Die Liste jetzt neu laden?</translation>
    </message>
    <message>
        <source>Step not recorded</source>
        <translation>Schritt nicht eingetragen</translation>
    </message>
</context>
<context>
    <name>GlobalSearchPopup</name>
    <message>
        <source>Search people, clubs, opportunities and events …</source>
        <translation>Personen, Vereine, Angebote und Veranstaltungen suchen …</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Alles durchsuchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Type part of a name, a place, a phone number or an e-mail address.</source>
        <translation>Teil eines Namens, einen Ort, eine Telefonnummer oder E-Mail-Adresse eingeben.</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nichts gefunden für „%1“.</translation>
    </message>
    <message>
        <source>↑ ↓ choose · Enter opens · Esc closes</source>
        <translation>↑ ↓ wählen · Enter öffnet · Esc schließt</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Running the self-test …</source>
        <translation>Der Selbsttest läuft …</translation>
    </message>
    <message>
        <source>Self-test</source>
        <translation>Selbsttest</translation>
    </message>
    <message>
        <source>%1 of %2 checks failed.</source>
        <translation>%1 von %2 Prüfungen fehlgeschlagen.</translation>
    </message>
    <message>
        <source>All %1 checks passed.</source>
        <translation>Alle %1 Prüfungen bestanden.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Engagement Desk %1&lt;/h3&gt;&lt;p&gt;The desktop program of a volunteer agency: people, clubs, ride service, events, certificates and figures, offline in one place.&lt;/p&gt;&lt;p&gt;Database: %2&lt;br&gt;Schema revision: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Engagement Desk %1&lt;/h3&gt;&lt;p&gt;Das Programm der Freiwilligenagentur: Personen, Vereine, Fahrdienst, Veranstaltungen, Urkunden und Auswertungen – offline an einem Ort.&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;br&gt;Schema-Version: %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Engagement Desk</source>
        <translation>Über Engagement Desk</translation>
    </message>
</context>
<context>
    <name>HoursCorrection</name>
    <message>
        <source>Entry deleted.</source>
        <translation>Eintrag gelöscht.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Korrektur gespeichert.</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Bitte prüfen:</translation>
    </message>
</context>
<context>
    <name>HoursCorrectionDialog</name>
    <message>
        <source>Delete hours entry</source>
        <translation>Stundeneintrag löschen</translation>
    </message>
    <message>
        <source>Correct hours entry</source>
        <translation>Stundeneintrag korrigieren</translation>
    </message>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>&amp;Hours:</source>
        <translation>&amp;Stunden:</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <source>&amp;Activity:</source>
        <translation>&amp;Tätigkeit:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>(no organization)</source>
        <translation>(keine Organisation)</translation>
    </message>
    <message>
        <source>Why? e.g. typed twice, wrong day – kept with the correction</source>
        <translation>Warum? z. B. doppelt erfasst, falscher Tag – wird mit der Korrektur gespeichert</translation>
    </message>
    <message>
        <source>The reason and the entry before and after are kept with the person (Leitung can read them); the audit trail notes only which fields changed.</source>
        <translation>Grund sowie Eintrag vorher und nachher werden bei der Person gespeichert (für die Leitung lesbar); das Protokoll vermerkt nur, welche Felder sich geändert haben.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Delete entry</source>
        <translation>Eintrag &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Trotzdem speichern</translation>
    </message>
    <message>
        <source>&amp;Save correction</source>
        <translation>Korrektur &amp;speichern</translation>
    </message>
    <message>
        <source>Please check before saving:</source>
        <translation>Bitte vor dem Speichern prüfen:</translation>
    </message>
</context>
<context>
    <name>HoursLedger</name>
    <message>
        <source>Hours entries</source>
        <translation>Stundeneinträge</translation>
    </message>
    <message>
        <source>Search name, club, activity …</source>
        <translation>Name, Verein, Tätigkeit suchen …</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>Alle Herkünfte</translation>
    </message>
    <message>
        <source>No hours have been recorded yet.</source>
        <translation>Es sind noch keine Stunden erfasst.</translation>
    </message>
    <message>
        <source>These hours come from a ride: correct them at the ride (Fahrdienst), then they stay right when the ride changes again.</source>
        <translation>Diese Stunden stammen aus einer Fahrt: Bitte bei der Fahrt (Fahrdienst) korrigieren, dann bleiben sie richtig, wenn sich die Fahrt wieder ändert.</translation>
    </message>
    <message>
        <source>These hours come from an event: correct the attendance or the shift at the event and credit its hours again; a correction here would be undone by the next crediting.</source>
        <translation>Diese Stunden stammen aus einer Veranstaltung: Bitte Teilnahme oder Schicht bei der Veranstaltung korrigieren und die Stunden erneut gutschreiben; eine Korrektur hier würde beim nächsten Gutschreiben überschrieben.</translation>
    </message>
    <message>
        <source>No hints: no long days, duplicates or absent days.</source>
        <translation>Keine Hinweise: keine langen Tage, keine Doppelungen, keine Stunden an Abwesenheitstagen.</translation>
    </message>
    <message>
        <source>1 hint to check:</source>
        <translation>1 Hinweis zum Prüfen:</translation>
    </message>
    <message>
        <source>%1 hints to check:</source>
        <translation>%1 Hinweise zum Prüfen:</translation>
    </message>
    <message>
        <source>Event hours credited: %1 new, %2 changed, %3 removed, %4 skipped.</source>
        <translation>Veranstaltungsstunden gutgeschrieben: %1 neu, %2 geändert, %3 entfernt, %4 übersprungen.</translation>
    </message>
    <message>
        <source>Skipped: attended, but the event has no hours credit and no shift length.</source>
        <translation>Übersprungen: teilgenommen, aber die Veranstaltung hat weder Stundengutschrift noch Schichtlänge.</translation>
    </message>
    <message>
        <source>Hours from elsewhere</source>
        <translation>Stunden aus einer anderen Quelle</translation>
    </message>
</context>
<context>
    <name>HoursLedgerPage</name>
    <message>
        <source>&amp;Correct …</source>
        <translation>&amp;Korrigieren …</translation>
    </message>
    <message>
        <source>Change the selected entry; asks for a reason</source>
        <translation>Den gewählten Eintrag ändern; fragt nach dem Grund</translation>
    </message>
    <message>
        <source>De&amp;lete …</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected entry; asks for a reason</source>
        <translation>Den gewählten Eintrag löschen; fragt nach dem Grund</translation>
    </message>
    <message>
        <source>C&amp;heck plausibility</source>
        <translation>&amp;Plausibilität prüfen</translation>
    </message>
    <message>
        <source>Long days, possible duplicates and hours on days recorded absent</source>
        <translation>Lange Tage, mögliche Doppelungen und Stunden an Abwesenheitstagen</translation>
    </message>
    <message>
        <source>Hours from events</source>
        <translation>Stunden aus Veranstaltungen</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>&amp;Veranstaltung:</translation>
    </message>
    <message>
        <source>C&amp;redit event hours</source>
        <translation>Veranstaltungsstunden &amp;gutschreiben</translation>
    </message>
    <message>
        <source>An entry for everyone marked attended (shift length or the event&apos;s hours); run again after changing attendance</source>
        <translation>Ein Eintrag für alle, die teilgenommen haben (Schichtlänge oder Stunden der Veranstaltung); nach Änderungen der Teilnahme erneut ausführen</translation>
    </message>
    <message>
        <source>Please choose an event first.</source>
        <translation>Bitte zuerst eine Veranstaltung wählen.</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>Hours to enter</source>
        <translation>Zu erfassende Stunden</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>Zeile &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Save all rows</source>
        <translation>Alle Zeilen &amp;speichern</translation>
    </message>
    <message>
        <source>One row per engagement: type part of a name and choose the person, date as DD.MM.YYYY, hours like 2,5. Empty rows are left out; nothing is saved while any row has a problem.</source>
        <translation>Eine Zeile je Einsatz: einen Teil des Namens tippen und die Person wählen, Datum als TT.MM.JJJJ, Stunden wie 2,5. Leere Zeilen werden übergangen; solange eine Zeile einen Fehler hat, wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>(no organization)</source>
        <translation>(keine Organisation)</translation>
    </message>
    <message>
        <source>the hours typed in</source>
        <translation>den eingegebenen Stunden</translation>
    </message>
    <message>
        <source>There is nothing to save yet.</source>
        <translation>Es gibt noch nichts zu speichern.</translation>
    </message>
    <message>
        <source>Saving hours …</source>
        <translation>Stunden werden gespeichert …</translation>
    </message>
    <message>
        <source>1 entry saved.</source>
        <translation>1 Eintrag gespeichert.</translation>
    </message>
    <message>
        <source>%1 entries saved.</source>
        <translation>%1 Einträge gespeichert.</translation>
    </message>
    <message>
        <source>Please check:</source>
        <translation>Bitte prüfen:</translation>
    </message>
    <message>
        <source>Row %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Es wurde nichts gespeichert.</translation>
    </message>
</context>
<context>
    <name>HoursPanel</name>
    <message>
        <source>Hours from a ride are corrected at the ride.</source>
        <translation>Stunden aus einer Fahrt werden bei der Fahrt korrigiert.</translation>
    </message>
    <message>
        <source>Hours from an event are corrected at the event (attendance, shift).</source>
        <translation>Stunden aus einer Veranstaltung werden bei der Veranstaltung korrigiert (Teilnahme, Schicht).</translation>
    </message>
    <message>
        <source>C&amp;orrect …</source>
        <translation>K&amp;orrigieren …</translation>
    </message>
    <message>
        <source>Change the selected entry; asks for a reason</source>
        <translation>Den gewählten Eintrag ändern; fragt nach dem Grund</translation>
    </message>
    <message>
        <source>&amp;Delete …</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected entry; asks for a reason</source>
        <translation>Den gewählten Eintrag löschen; fragt nach dem Grund</translation>
    </message>
    <message>
        <source>Corrections and deletions</source>
        <translation>Korrekturen und Löschungen</translation>
    </message>
    <message>
        <source>Corrections of hours with their reason</source>
        <translation>Korrekturen der Stunden mit Grund</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>&amp;Totals per year</source>
        <translation>&amp;Summen je Jahr</translation>
    </message>
    <message>
        <source>&amp;Entries</source>
        <translation>&amp;Einträge</translation>
    </message>
    <message>
        <source>Hours per year, organization and centre</source>
        <translation>Stunden je Jahr, Verein und Zentrum</translation>
    </message>
    <message>
        <source>Hours entries</source>
        <translation>Stundeneinträge</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Verein</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Tätigkeit</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>korrigiert</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>all together</source>
        <translation>insgesamt</translation>
    </message>
</context>
<context>
    <name>HoursSource</name>
    <message>
        <source>Entered by hand</source>
        <translation>Von Hand erfasst</translation>
    </message>
    <message>
        <source>Ride</source>
        <translation>Fahrt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
</context>
<context>
    <name>ImageField</name>
    <message>
        <source>Choose file …</source>
        <translation>Datei wählen …</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keines)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Choose an image</source>
        <translation>Bild wählen</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Bilder (*.png *.svg)</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Academic title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Hausnummer</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Engaged since</source>
        <translation>Engagiert seit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the list</source>
        <translation>Liste auswählen</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a CSV file, one person per row.</source>
        <translation>Eine Excel-Arbeitsmappe (.xlsx) oder CSV-Datei, eine Person pro Zeile.</translation>
    </message>
    <message>
        <source>The first row with column titles (Nachname, Vorname, PLZ, …) is found by itself; title lines above it are skipped. In the next steps you check which column holds what, and see every row that cannot be imported. Nothing is saved before the last step.</source>
        <translation>Die Zeile mit den Spaltenüberschriften (Nachname, Vorname, PLZ, …) wird selbst erkannt; Titelzeilen darüber werden übersprungen. In den nächsten Schritten prüfen Sie, welche Spalte was enthält, und sehen jede Zeile, die nicht importiert werden kann. Vor dem letzten Schritt wird nichts gespeichert.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>&amp;Choose file …</source>
        <translation>&amp;Datei wählen …</translation>
    </message>
    <message>
        <source>Import people</source>
        <translation>Personen importieren</translation>
    </message>
    <message>
        <source>Lists of people (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Personenlisten (*.xlsx *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the file …</source>
        <translation>Die Datei wird gelesen …</translation>
    </message>
    <message>
        <source>%1 · %2 rows · %3 columns, titles in row %4</source>
        <translation>%1 · %2 Zeilen · %3 Spalten, Überschriften in Zeile %4</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Assign the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Choose for each column of the file which field it fills, or ignore it.</source>
        <translation>Wählen Sie für jede Spalte der Datei, welches Feld sie füllt – oder ignorieren Sie sie.</translation>
    </message>
    <message>
        <source>Columns whose titles were recognised are already assigned. Columns set to “ignore” are not imported. A house number column is joined to the street.</source>
        <translation>Spalten mit bekannter Überschrift sind schon zugeordnet. Spalten auf „ignorieren“ werden nicht importiert. Eine Spalte Hausnummer wird an die Straße angehängt.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importieren als</translation>
    </message>
    <message>
        <source>– ignore –</source>
        <translation>– ignorieren –</translation>
    </message>
    <message>
        <source>Assign a column to “%1”: without it nothing can be imported.</source>
        <translation>Bitte eine Spalte „%1“ zuordnen: ohne sie kann nichts importiert werden.</translation>
    </message>
    <message>
        <source>“%1” is assigned to more than one column: %2.</source>
        <translation>„%1“ ist mehreren Spalten zugeordnet: %2.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Import anyway</source>
        <translation>Trotzdem importieren</translation>
    </message>
    <message>
        <source>Likely the same person as</source>
        <translation>Wahrscheinlich dieselbe Person wie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Check the list</source>
        <translation>Liste prüfen</translation>
    </message>
    <message>
        <source>Every row has been checked as the import would; nothing is saved yet.</source>
        <translation>Jede Zeile wurde so geprüft, wie der Import sie prüft; gespeichert ist noch nichts.</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Read the file again, e.g. after correcting it in Excel.</source>
        <translation>Die Datei neu einlesen, z. B. nachdem sie in Excel korrigiert wurde.</translation>
    </message>
    <message>
        <source>Checking the list …</source>
        <translation>Die Liste wird geprüft …</translation>
    </message>
    <message>
        <source>The check was cancelled. Choose “Check again”.</source>
        <translation>Die Prüfung wurde abgebrochen. Bitte „Erneut prüfen“ wählen.</translation>
    </message>
    <message>
        <source>Importing people …</source>
        <translation>Personen werden importiert …</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was saved.</source>
        <translation>Der Import wurde abgebrochen; es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>likely a duplicate</source>
        <translation>wahrscheinlich doppelt</translation>
    </message>
    <message>
        <source>row %1 of this file (%2)</source>
        <translation>Zeile %1 dieser Datei (%2)</translation>
    </message>
    <message>
        <source>Errors (%1)</source>
        <translation>Fehler (%1)</translation>
    </message>
    <message>
        <source>Preview (first %1 rows)</source>
        <translation>Vorschau (erste %1 Zeilen)</translation>
    </message>
    <message>
        <source>Likely duplicates (%1)</source>
        <translation>Mögliche Dubletten (%1)</translation>
    </message>
    <message>
        <source>Checking …</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>Nothing will be imported while any row is bad. Rows with errors: %1 (see “Errors”, with row, column and reason). Correct them in the file, save it and choose “Check again”, or go back and change the columns.</source>
        <translation>Solange auch nur eine Zeile fehlerhaft ist, wird nichts importiert. Fehlerhafte Zeilen: %1 (siehe „Fehler“, mit Zeile, Spalte und Grund). Bitte in der Datei korrigieren, speichern und „Erneut prüfen“ wählen – oder zurückgehen und die Spalten anders zuordnen.</translation>
    </message>
    <message>
        <source>No row would be imported: every row looks like a person already known. Tick “Import anyway” under “Likely duplicates” for rows that are new people.</source>
        <translation>Es würde keine Zeile importiert: Jede Zeile sieht nach einer schon bekannten Person aus. Für Zeilen, die neue Personen sind, bitte unter „Mögliche Dubletten“ „Trotzdem importieren“ ankreuzen.</translation>
    </message>
    <message>
        <source>No row of the file would be imported.</source>
        <translation>Aus dieser Datei würde keine Zeile importiert.</translation>
    </message>
    <message numerus="yes">
        <source>No errors. “Import” saves %Ln person(s).</source>
        <translation>
            <numerusform>Keine Fehler. „Importieren“ speichert %Ln Person.</numerusform>
            <numerusform>Keine Fehler. „Importieren“ speichert %Ln Personen.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · rows read: %2</source>
        <translation>%1 · gelesene Zeilen: %2</translation>
    </message>
    <message>
        <source>Likely duplicates: %1. They are left out unless you tick “Import anyway” for them.</source>
        <translation>Mögliche Dubletten: %1. Sie werden nicht importiert, außer Sie setzen bei ihnen „Trotzdem importieren“.</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Nicht importierte Spalten: %1</translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) imported. They are now in the list “People”.</source>
        <translation>
            <numerusform>%Ln Person wurde importiert. Sie steht jetzt in der Liste „Personen“.</numerusform>
            <numerusform>%Ln Personen wurden importiert. Sie stehen jetzt in der Liste „Personen“.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows read: %1</source>
        <translation>Gelesene Zeilen: %1</translation>
    </message>
    <message>
        <source>Not imported as likely duplicates: rows %1</source>
        <translation>Als mögliche Dubletten nicht importiert: Zeilen %1</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>Nicht importierte Spalten: %1</translation>
    </message>
    <message>
        <source>Nothing was imported: the file has changed since it was checked and now has rows with errors. Correct them and import the file again.</source>
        <translation>Es wurde nichts importiert: Die Datei wurde seit der Prüfung geändert und enthält jetzt fehlerhafte Zeilen. Bitte korrigieren und die Datei erneut importieren.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import people</source>
        <translation>Personen importieren</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New ride request</source>
        <translation>Neue Fahrtanfrage</translation>
    </message>
    <message>
        <source>Type the name …</source>
        <translation>Namen tippen …</translation>
    </message>
    <message>
        <source>Empty: the passenger&apos;s home</source>
        <translation>Leer: Wohnadresse des Fahrgasts</translation>
    </message>
    <message>
        <source>e.g. Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg</source>
        <translation>z. B. Hausarztpraxis Dr. Klein, Bahnhofstr. 3, 54634 Bitburg</translation>
    </message>
    <message>
        <source>e.g. 1130 – empty: no return trip</source>
        <translation>z. B. 1130 – leer: keine Rückfahrt</translation>
    </message>
    <message>
        <source>&amp;Wheelchair</source>
        <translation>&amp;Rollstuhl</translation>
    </message>
    <message>
        <source>R&amp;ollator</source>
        <translation>R&amp;ollator</translation>
    </message>
    <message>
        <source>&amp;Escort</source>
        <translation>&amp;Begleitung</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Fahr&amp;dienst:</translation>
    </message>
    <message>
        <source>&amp;Passenger:</source>
        <translation>Fahr&amp;gast:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>D&amp;atum:</translation>
    </message>
    <message>
        <source>Pick-up &amp;time:</source>
        <translation>Abhol&amp;zeit:</translation>
    </message>
    <message>
        <source>Pick-&amp;up at:</source>
        <translation>Abhol&amp;ung:</translation>
    </message>
    <message>
        <source>Destinatio&amp;n:</source>
        <translation>Zie&amp;l:</translation>
    </message>
    <message>
        <source>&amp;Return at:</source>
        <translation>Rück&amp;fahrt um:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Bedarf:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>Save (Enter)</source>
        <translation>Speichern (Enter)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please choose a passenger from the list (type part of the name).</source>
        <translation>Bitte einen Fahrgast aus der Liste wählen (einen Teil des Namens tippen).</translation>
    </message>
    <message>
        <source>Please choose a ride service.</source>
        <translation>Bitte einen Fahrdienst wählen.</translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message>
        <source>&amp;Export data …</source>
        <translation>Daten &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Import data …</source>
        <translation>Daten &amp;importieren …</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Interchange files (*.json)</source>
        <translation>Austauschdateien (*.json)</translation>
    </message>
    <message>
        <source>Exporting all data …</source>
        <translation>Alle Daten werden exportiert …</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) written to %1.</source>
        <translation>
            <numerusform>%Ln Datensatz wurde nach %1 geschrieben.</numerusform>
            <numerusform>%Ln Datensätze wurden nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) loaded from %1.</source>
        <translation>
            <numerusform>%Ln Datensatz wurde aus %1 geladen.</numerusform>
            <numerusform>%Ln Datensätze wurden aus %1 geladen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <source>Load all records of %1 into this database?

This works only into an empty database; if anything goes wrong, nothing is loaded.</source>
        <translation>Alle Datensätze aus %1 in diese Datenbank laden?

Das geht nur in eine leere Datenbank; geht etwas schief, wird nichts geladen.</translation>
    </message>
    <message>
        <source>Importing data …</source>
        <translation>Daten werden importiert …</translation>
    </message>
    <message>
        <source>Export and import are not available in this version.</source>
        <translation>Export und Import sind in dieser Version nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>IssuePage</name>
    <message>
        <source>Hours in the year</source>
        <translation>Stunden im Jahr</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Alle Zentren</translation>
    </message>
    <message>
        <source>No event</source>
        <translation>Keine Veranstaltung</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Wer:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>&amp;Minimum hours:</source>
        <translation>&amp;Mindeststunden:</translation>
    </message>
    <message>
        <source>C&amp;entre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>&amp;Training / event:</source>
        <translation>&amp;Fortbildung / Veranstaltung:</translation>
    </message>
    <message>
        <source>A&amp;nniversaries:</source>
        <translation>&amp;Jubiläen:</translation>
    </message>
    <message>
        <source>&amp;Competences:</source>
        <translation>&amp;Kompetenzen:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>e.g. 5, 10, 25 years</source>
        <translation>z. B. 5, 10, 25 Jahre</translation>
    </message>
    <message>
        <source>e.g. teamwork, responsibility</source>
        <translation>z. B. Teamfähigkeit, Verantwortung</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Ausstellen</translation>
    </message>
    <message>
        <source>All in &amp;one PDF file</source>
        <translation>Alle in &amp;einer PDF-Datei</translation>
    </message>
    <message>
        <source>One &amp;file each, into a folder</source>
        <translation>Je eine &amp;Datei, in einen Ordner</translation>
    </message>
    <message>
        <source>&amp;Issue and register …</source>
        <translation>&amp;Ausstellen und eintragen …</translation>
    </message>
    <message>
        <source>For one &amp;person …</source>
        <translation>Für eine &amp;Person …</translation>
    </message>
    <message>
        <source>Choose one person, look at the preview, then issue one certificate (or double-click a person in the list)</source>
        <translation>Eine Person wählen, die Vorschau ansehen, dann einen Nachweis ausstellen (oder eine Person in der Liste doppelklicken)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Print …</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>&amp;Save as …</source>
        <translation>&amp;Speichern unter …</translation>
    </message>
    <message>
        <source>&amp;Letters …</source>
        <translation>Bri&amp;efe …</translation>
    </message>
    <message>
        <source>Cover letters or address labels for the recipients of these certificates</source>
        <translation>Anschreiben oder Adressetiketten für die Empfänger dieser Urkunden</translation>
    </message>
    <message>
        <source>People the selection yields</source>
        <translation>Personen der Auswahl</translation>
    </message>
    <message>
        <source>Choose a person in the list to see the certificate.</source>
        <translation>Eine Person in der Liste wählen, um die Urkunde zu sehen.</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>1 person, period %2</source>
        <translation>1 Person, Zeitraum %2</translation>
    </message>
    <message>
        <source>%1 people, period %2</source>
        <translation>%1 Personen, Zeitraum %2</translation>
    </message>
    <message>
        <source>%1 hours in all</source>
        <translation>insgesamt %1 Stunden</translation>
    </message>
    <message>
        <source>Anniversaries: please give whole years, e.g. 5, 10, 25.</source>
        <translation>Jubiläen: bitte ganze Jahre angeben, z. B. 5, 10, 25.</translation>
    </message>
    <message>
        <source>Nobody meets the chosen conditions.</source>
        <translation>Niemand erfüllt die gewählten Bedingungen.</translation>
    </message>
    <message>
        <source>Preparing the preview …</source>
        <translation>Vorschau wird erstellt …</translation>
    </message>
    <message>
        <source>Folder for the certificates</source>
        <translation>Ordner für die Urkunden</translation>
    </message>
    <message>
        <source>Save the certificates as</source>
        <translation>Urkunden speichern unter</translation>
    </message>
    <message>
        <source>Issue %1 certificates with new numbers and enter them in the register?</source>
        <translation>%1 Urkunden mit neuen Nummern ausstellen und ins Register eintragen?</translation>
    </message>
    <message>
        <source>Issue 1 certificate with a new number and enter it in the register?</source>
        <translation>1 Urkunde mit neuer Nummer ausstellen und ins Register eintragen?</translation>
    </message>
    <message>
        <source>For a single person, use “For one person …”.</source>
        <translation>Für eine einzelne Person: „Für eine Person …“.</translation>
    </message>
    <message>
        <source>Issue certificates</source>
        <translation>Urkunden ausstellen</translation>
    </message>
    <message>
        <source>Issuing certificates …</source>
        <translation>Urkunden werden ausgestellt …</translation>
    </message>
    <message>
        <source>%1 certificates issued (%2 to %3), saved in %4.</source>
        <translation>%1 Urkunden ausgestellt (%2 bis %3), gespeichert in %4.</translation>
    </message>
    <message>
        <source>1 certificate issued (%2), saved in %4.</source>
        <translation>1 Urkunde ausgestellt (%2), gespeichert in %4.</translation>
    </message>
    <message>
        <source>Not issued, no number taken (the name cannot be printed):</source>
        <translation>Nicht ausgestellt, keine Nummer vergeben (der Name kann nicht gedruckt werden):</translation>
    </message>
    <message>
        <source>Cancelled. No certificate was issued.</source>
        <translation>Abgebrochen. Es wurde keine Urkunde ausgestellt.</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Urkunden drucken</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
</context>
<context>
    <name>LeftOutReason</name>
    <message>
        <source>Anonymised or archived</source>
        <translation>Anonymisiert oder archiviert</translation>
    </message>
    <message>
        <source>Without consent to be contacted</source>
        <translation>Ohne Einwilligung zur Kontaktaufnahme</translation>
    </message>
    <message>
        <source>Without postal address</source>
        <translation>Ohne Anschrift</translation>
    </message>
    <message>
        <source>Name or address cannot be printed</source>
        <translation>Name oder Anschrift nicht druckbar</translation>
    </message>
    <message>
        <source>Without e-mail address</source>
        <translation>Ohne E-Mail-Adresse</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>A4, 3 × 7 labels of 70 × 42.3 mm (e.g. Avery Zweckform 3652)</source>
        <translation>A4, 3 × 7 Etiketten 70 × 42,3 mm (z. B. Avery Zweckform 3652)</translation>
    </message>
    <message>
        <source>A4, 3 × 8 labels of 70 × 37 mm (e.g. Avery Zweckform 3474)</source>
        <translation>A4, 3 × 8 Etiketten 70 × 37 mm (z. B. Avery Zweckform 3474)</translation>
    </message>
    <message>
        <source>Form letter</source>
        <translation>Serienbrief</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Empfänger:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <source>Label &amp;sheet:</source>
        <translation>Etiketten&amp;bogen:</translation>
    </message>
    <message>
        <source>&amp;Edit templates …</source>
        <translation>Vorlagen &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Preview the first letters</source>
        <translation>&amp;Vorschau der ersten Briefe</translation>
    </message>
    <message>
        <source>&amp;Write …</source>
        <translation>&amp;Schreiben …</translation>
    </message>
    <message>
        <source>Press “Preview” to see the first letters.</source>
        <translation>„Vorschau“ zeigt die ersten Briefe.</translation>
    </message>
    <message>
        <source>Counting the recipients …</source>
        <translation>Empfänger werden gezählt …</translation>
    </message>
    <message>
        <source>%1: %2 get one</source>
        <translation>%1: %2 Empfänger</translation>
    </message>
    <message>
        <source>; left out: %1</source>
        <translation>; nicht bedacht: %1</translation>
    </message>
    <message>
        <source>Setting the first letters …</source>
        <translation>Die ersten Briefe werden gesetzt …</translation>
    </message>
    <message>
        <source>Folder for the letters</source>
        <translation>Ordner für die Briefe</translation>
    </message>
    <message>
        <source>Writing letters …</source>
        <translation>Briefe werden geschrieben …</translation>
    </message>
    <message>
        <source>Nobody gets one; no file was written.</source>
        <translation>Niemand bekommt etwas; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>Geschrieben:</translation>
    </message>
    <message>
        <source>Open %1 now?</source>
        <translation>%1 jetzt öffnen?</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Invitees and registrations of “%1” (without refusals)</source>
        <translation>Eingeladene und Angemeldete von „%1“ (ohne Absagen)</translation>
    </message>
    <message>
        <source>Recipients of the certificates issued with %1</source>
        <translation>Empfänger der Urkunden, die mit %1 ausgestellt wurden</translation>
    </message>
</context>
<context>
    <name>LetterOutput</name>
    <message>
        <source>Letters (PDF)</source>
        <translation>Briefe (PDF)</translation>
    </message>
    <message>
        <source>Address labels (PDF)</source>
        <translation>Adressetiketten (PDF)</translation>
    </message>
    <message>
        <source>E-mail list (CSV)</source>
        <translation>E-Mail-Liste (CSV)</translation>
    </message>
</context>
<context>
    <name>LetterTemplateEditor</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>P&amp;laceholders (double-click or Enter inserts one at the cursor):</source>
        <translation>P&amp;latzhalter (Doppelklick oder Eingabetaste fügt einen an der Schreibmarke ein):</translation>
    </message>
    <message>
        <source>Ne&amp;w template</source>
        <translation>Ne&amp;ue Vorlage</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>Vorlage &amp;speichern</translation>
    </message>
    <message>
        <source>Letter templates</source>
        <translation>Briefvorlagen</translation>
    </message>
    <message>
        <source>the new template</source>
        <translation>die neue Vorlage</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Delete the letter template %1?</source>
        <translation>Die Briefvorlage %1 löschen?</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
</context>
<context>
    <name>LetterTemplatesDialog</name>
    <message>
        <source>Letter templates</source>
        <translation>Briefvorlagen</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>More than %1 entries</source>
        <translation>Mehr als %1 Einträge</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 Einträge</translation>
    </message>
    <message>
        <source>Nothing matches the search and filters.</source>
        <translation>Keine Einträge passen zu Suche und Filtern.</translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>Noch keine Einträge.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Centres &amp;&amp; clubs</source>
        <translation>Zentren &amp;&amp; Vereine</translation>
    </message>
    <message>
        <source>Ride service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Urkunden</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Data protection</source>
        <translation>Datenschutz</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Import &amp;people …</source>
        <translation>&amp;Personen importieren …</translation>
    </message>
    <message>
        <source>Switch &amp;connection …</source>
        <translation>&amp;Verbindung wechseln …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>S&amp;ettings …</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Search in list</source>
        <translation>In der Liste &amp;suchen</translation>
    </message>
    <message>
        <source>Search &amp;everything …</source>
        <translation>&amp;Alles durchsuchen …</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Manual</source>
        <translation>&amp;Handbuch</translation>
    </message>
    <message>
        <source>Open &amp;log</source>
        <translation>&amp;Protokoll öffnen</translation>
    </message>
    <message>
        <source>&amp;Self-test</source>
        <translation>&amp;Selbsttest</translation>
    </message>
    <message>
        <source>&amp;About Engagement Desk</source>
        <translation>&amp;Über Engagement Desk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Opening the database …</source>
        <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>The log file cannot be opened. It is kept here:
%1</source>
        <translation>Das Protokoll lässt sich nicht öffnen. Es liegt hier:
%1</translation>
    </message>
</context>
<context>
    <name>ManualViewer</name>
    <message>
        <source>Manual (in German)</source>
        <translation>Handbuch</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
</context>
<context>
    <name>MasterDataForm</name>
    <message>
        <source>&amp;Salutation</source>
        <translation>&amp;Anrede</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;First name</source>
        <translation>&amp;Vorname</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>&amp;Nachname</translation>
    </message>
    <message>
        <source>Name on &amp;certificates</source>
        <translation>Name auf Urkun&amp;den</translation>
    </message>
    <message>
        <source>Date of &amp;birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <source>St&amp;reet</source>
        <translation>&amp;Straße</translation>
    </message>
    <message>
        <source>&amp;Postal code</source>
        <translation>&amp;PLZ</translation>
    </message>
    <message>
        <source>T&amp;own</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Te&amp;lefon</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobil</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>En&amp;gaged since</source>
        <translation>Engagie&amp;rt seit</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>&amp;Interests</source>
        <translation>&amp;Interessen</translation>
    </message>
    <message>
        <source>S&amp;kills</source>
        <translation>&amp;Fähigkeiten</translation>
    </message>
    <message>
        <source>L&amp;anguages</source>
        <translation>Sprac&amp;hen</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>Noti&amp;zen</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Volunteering</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Separate several with commas</source>
        <translation>Mehrere mit Komma trennen</translation>
    </message>
    <message>
        <source>e.g. reading, gardening, sports</source>
        <translation>z. B. Lesen, Garten, Sport</translation>
    </message>
    <message>
        <source>e.g. driving licence, first aid, IT</source>
        <translation>z. B. Führerschein, Erste Hilfe, EDV</translation>
    </message>
    <message>
        <source>e.g. German, Turkish, English</source>
        <translation>z. B. Deutsch, Türkisch, Englisch</translation>
    </message>
    <message>
        <source>Only if it differs, e.g. a Latin spelling</source>
        <translation>Nur wenn abweichend, z. B. in lateinischer Schrift</translation>
    </message>
    <message>
        <source>Printed on certificates and letters instead of the name, as typed here (with title, if wanted).</source>
        <translation>Wird auf Urkunden und Briefen statt des Namens gedruckt, so wie hier geschrieben (auf Wunsch mit Titel).</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>name@beispiel.de</translation>
    </message>
    <message>
        <source>e.g. 06561 1234</source>
        <translation>z. B. 06561 1234</translation>
    </message>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln Jahr</numerusform>
            <numerusform>%Ln Jahre</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a date (DD.MM.YYYY).</source>
        <translation>„%1“ ist kein Datum (TT.MM.JJJJ).</translation>
    </message>
</context>
<context>
    <name>MatchesPanel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>People who &amp;fit</source>
        <translation>&amp;Passende Personen</translation>
    </message>
    <message>
        <source>People who fit the opportunity</source>
        <translation>Passende Personen für das Angebot</translation>
    </message>
    <message>
        <source>&amp;Place …</source>
        <translation>&amp;Vermitteln …</translation>
    </message>
    <message>
        <source>Record that the chosen person is interested in this opportunity</source>
        <translation>Festhalten, dass sich die gewählte Person für dieses Angebot interessiert</translation>
    </message>
    <message>
        <source>Save the opportunity first; then people who fit it appear here.</source>
        <translation>Speichern Sie das Angebot zuerst; dann erscheinen hier passende Personen.</translation>
    </message>
    <message>
        <source>Only open opportunities are matched with people.</source>
        <translation>Passende Personen werden nur für offene Angebote gesucht.</translation>
    </message>
    <message>
        <source>Nobody fits yet. Add skills, a centre or a postal code to find people.</source>
        <translation>Noch passt niemand. Tragen Sie Fähigkeiten, ein Zentrum oder eine PLZ ein, um Personen zu finden.</translation>
    </message>
    <message>
        <source>Ranked by shared interests and skills, the centre, the postal code and whether the person said when they have time.</source>
        <translation>Geordnet nach gemeinsamen Interessen und Fähigkeiten, dem Zentrum, der PLZ und danach, ob die Person Zeiten angegeben hat.</translation>
    </message>
    <message>
        <source>Placement recorded: %1 – %2.</source>
        <translation>Vermittlung angelegt: %1 – %2.</translation>
    </message>
    <message>
        <source>Follow-up call on %1.</source>
        <translation>Wiedervorlage am %1.</translation>
    </message>
</context>
<context>
    <name>MobilityForm</name>
    <message>
        <source>Mobility – health data (Art. 9 DSGVO)</source>
        <translation>Mobilität – Gesundheitsdaten (Art. 9 DSGVO)</translation>
    </message>
    <message>
        <source>Only what the ride service needs to choose the car and the help. Special category of personal data: record it with the person&apos;s consent.</source>
        <translation>Nur, was der Fahrdienst für die Wahl von Fahrzeug und Hilfe braucht. Besondere Kategorie personenbezogener Daten: nur mit Einwilligung der Person erfassen.</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Rollstuhl</translation>
    </message>
    <message>
        <source>Rollator</source>
        <translation>Rollator</translation>
    </message>
    <message>
        <source>Needs an escort</source>
        <translation>Braucht Begleitung</translation>
    </message>
    <message>
        <source>Notes for the &amp;driver</source>
        <translation>Hinweise für &amp;Fahrer/in</translation>
    </message>
    <message>
        <source>Notes for the driver</source>
        <translation>Hinweise für Fahrer/in</translation>
    </message>
</context>
<context>
    <name>NewPlacementDialog</name>
    <message>
        <source>New placement</source>
        <translation>Neue Vermittlung</translation>
    </message>
    <message>
        <source>Suggestions for %1, best first, with the reasons they fit.</source>
        <translation>Vorschläge für %1, die passendsten zuerst, mit den Gründen.</translation>
    </message>
    <message>
        <source>&amp;Search all open opportunities</source>
        <translation>Alle offenen Angebote &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Title, organization or place …</source>
        <translation>Titel, Verein oder Ort …</translation>
    </message>
    <message>
        <source>Search all open opportunities</source>
        <translation>Alle offenen Angebote durchsuchen</translation>
    </message>
    <message>
        <source>O&amp;pportunity</source>
        <translation>&amp;Engagementangebot</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Engagementangebot</translation>
    </message>
    <message>
        <source>&amp;Record placement</source>
        <translation>&amp;Vermittlung anlegen</translation>
    </message>
    <message>
        <source>No suggestions: search all open opportunities above.</source>
        <translation>Keine Vorschläge: oben alle offenen Angebote durchsuchen.</translation>
    </message>
    <message>
        <source>No open opportunity matches.</source>
        <translation>Kein offenes Angebot passt dazu.</translation>
    </message>
    <message>
        <source>Please choose an opportunity.</source>
        <translation>Bitte ein Engagementangebot wählen.</translation>
    </message>
    <message>
        <source>No consent to pass on data</source>
        <translation>Keine Einwilligung zur Weitergabe</translation>
    </message>
    <message>
        <source>No consent to pass data to clubs is recorded for %1. Record the placement anyway?</source>
        <translation>Für %1 ist keine Einwilligung zur Weitergabe an Vereine erfasst. Trotzdem vermitteln?</translation>
    </message>
</context>
<context>
    <name>NextStepDialog</name>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>%1 at %2, now: %3</source>
        <translation>%1 bei %2, jetzt: %3</translation>
    </message>
    <message>
        <source>&amp;New status</source>
        <translation>Neuer &amp;Status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Neuer Status</translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>Schritt &amp;eintragen</translation>
    </message>
    <message>
        <source>This placement has no further step.</source>
        <translation>Diese Vermittlung hat keinen weiteren Schritt.</translation>
    </message>
</context>
<context>
    <name>OnePersonCertificateDialog</name>
    <message>
        <source>Certificate for one person</source>
        <translation>Nachweis für eine Person</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Vorlage:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Jahr:</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>V&amp;eranstaltung:</translation>
    </message>
    <message>
        <source>&amp;Competences:</source>
        <translation>&amp;Kompetenzen:</translation>
    </message>
    <message>
        <source>e.g. teamwork, responsibility</source>
        <translation>z. B. Teamarbeit, Verantwortung</translation>
    </message>
    <message>
        <source>The preview has no number. Issuing gives the next number and enters the certificate in the register.</source>
        <translation>Die Vorschau hat keine Nummer. Beim Ausstellen wird die nächste Nummer vergeben und der Nachweis ins Register eingetragen.</translation>
    </message>
    <message>
        <source>&amp;Issue …</source>
        <translation>&amp;Ausstellen …</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>P&amp;rint …</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Choose a person to see the certificate.</source>
        <translation>Bitte eine Person wählen, um den Nachweis zu sehen.</translation>
    </message>
    <message>
        <source>Preparing the preview …</source>
        <translation>Vorschau wird vorbereitet …</translation>
    </message>
    <message>
        <source>Issue 1 certificate of recognition for %1?</source>
        <translation>1 Urkunde für %1 ausstellen?</translation>
    </message>
    <message>
        <source>Issue 1 engagement statement for %1?</source>
        <translation>1 Engagementnachweis für %1 ausstellen?</translation>
    </message>
    <message>
        <source>Issue 1 certificate of attendance for %1?</source>
        <translation>1 Teilnahmebescheinigung für %1 ausstellen?</translation>
    </message>
    <message>
        <source>It gets the next number and goes into the register.</source>
        <translation>Die nächste Nummer wird vergeben und ins Register eingetragen.</translation>
    </message>
    <message>
        <source>Save the certificate as</source>
        <translation>Nachweis speichern unter</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>Nachweis ausstellen</translation>
    </message>
    <message>
        <source>Issuing the certificate …</source>
        <translation>Nachweis wird ausgestellt …</translation>
    </message>
    <message>
        <source>Issued %1 for %2, saved in %3.</source>
        <translation>%1 für %2 ausgestellt, gespeichert in %3.</translation>
    </message>
    <message>
        <source>Cancelled. No certificate was issued.</source>
        <translation>Abgebrochen. Es wurde kein Nachweis ausgestellt.</translation>
    </message>
    <message>
        <source>Print certificate</source>
        <translation>Nachweis drucken</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Engagement Desk</source>
        <translation>Engagement Desk</translation>
    </message>
    <message>
        <source>Internal error</source>
        <translation>Interner Fehler</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Cl&amp;ose</source>
        <translation>Schl&amp;ießen</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neues Angebot</translation>
    </message>
    <message>
        <source>Opportunity – %1</source>
        <translation>Engagementangebot – %1</translation>
    </message>
</context>
<context>
    <name>OpportunityEditor</name>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Centre</source>
        <translation>&amp;Zentrum</translation>
    </message>
    <message>
        <source>Skills &amp;wanted</source>
        <translation>Gesuchte &amp;Fähigkeiten</translation>
    </message>
    <message>
        <source>T&amp;ime needed</source>
        <translation>Zeit&amp;aufwand</translation>
    </message>
    <message>
        <source>P&amp;lace, postal code</source>
        <translation>&amp;Ort, PLZ</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Volu&amp;nteers wanted</source>
        <translation>Gesuchte Frei&amp;willige</translation>
    </message>
    <message>
        <source>Stat&amp;us</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>e.g. 2 hours a week</source>
        <translation>z. B. 2 Stunden pro Woche</translation>
    </message>
    <message>
        <source>– no centre –</source>
        <translation>– kein Zentrum –</translation>
    </message>
    <message>
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>Neues Angebot</translation>
    </message>
</context>
<context>
    <name>OpportunityStatus</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Besetzt</translation>
    </message>
</context>
<context>
    <name>OrdersEditor</name>
    <message>
        <source>Standing orders</source>
        <translation>Daueraufträge</translation>
    </message>
    <message>
        <source>New standing order</source>
        <translation>Neuer Dauerauftrag</translation>
    </message>
    <message>
        <source>e.g. 11:30 – empty: no return trip</source>
        <translation>z. B. 11:30 – leer: keine Rückfahrt</translation>
    </message>
    <message>
        <source>dd.mm.yyyy – empty: open-ended</source>
        <translation>TT.MM.JJJJ – leer: unbefristet</translation>
    </message>
    <message>
        <source>Wheelchair</source>
        <translation>Rollstuhl</translation>
    </message>
    <message>
        <source>Rollator</source>
        <translation>Rollator</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>Begleitung</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Fahrdienst:</translation>
    </message>
    <message>
        <source>Passenger:</source>
        <translation>Fahrgast:</translation>
    </message>
    <message>
        <source>Search passenger or destination …</source>
        <translation>Fahrgast oder Ziel suchen …</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Fahrdienste</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>Alle Daueraufträge</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused today</source>
        <translation>Heute pausiert</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Repeats:</source>
        <translation>Wiederholung:</translation>
    </message>
    <message>
        <source>Pick-up time:</source>
        <translation>Abholzeit:</translation>
    </message>
    <message>
        <source>Return at:</source>
        <translation>Rückfahrt um:</translation>
    </message>
    <message>
        <source>Destination:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Street:</source>
        <translation>Straße:</translation>
    </message>
    <message>
        <source>Postcode, town:</source>
        <translation>PLZ, Ort:</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>Gültig ab:</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>Gültig bis:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Bedarf:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Hinweise:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the standing order (Ctrl+S)</source>
        <translation>Den Dauerauftrag speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The first %1 of %2 standing orders – narrow the search to see others.</source>
        <translation>Die ersten %1 von %2 Daueraufträgen – Suche eingrenzen, um weitere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln standing order(s)</source>
        <translation>
            <numerusform>%Ln Dauerauftrag</numerusform>
            <numerusform>%Ln Daueraufträge</numerusform>
        </translation>
    </message>
    <message>
        <source>the new standing order</source>
        <translation>dem neuen Dauerauftrag</translation>
    </message>
    <message>
        <source>Please choose a passenger.</source>
        <translation>Bitte einen Fahrgast wählen.</translation>
    </message>
    <message>
        <source>Please enter a time like 11:30.</source>
        <translation>Bitte eine Uhrzeit wie 11:30 angeben.</translation>
    </message>
    <message>
        <source>Please enter a date like 31.12.2026.</source>
        <translation>Bitte ein Datum wie 31.12.2026 angeben.</translation>
    </message>
    <message>
        <source>Delete the standing order of %1 (%2)? Its open rides from today on go too.</source>
        <translation>Den Dauerauftrag von %1 (%2) löschen? Seine offenen Fahrten ab heute werden mit gelöscht.</translation>
    </message>
    <message>
        <source>Delete standing order</source>
        <translation>Dauerauftrag löschen</translation>
    </message>
</context>
<context>
    <name>OrganizationEditor</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation>Stra&amp;ße</translation>
    </message>
    <message>
        <source>Posta&amp;l code, town</source>
        <translation>P&amp;LZ, Ort</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Phon&amp;e</source>
        <translation>Tele&amp;fon</translation>
    </message>
    <message>
        <source>E-ma&amp;il</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>We&amp;bsite</source>
        <translation>Webs&amp;ite</translation>
    </message>
    <message>
        <source>Belon&amp;gs to centres</source>
        <translation>Gehört zu den Zen&amp;tren</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>May be published in the club directory</source>
        <translation>Darf im Vereinsverzeichnis veröffentlicht werden</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <source>Ma&amp;y be published in the club directory</source>
        <translation>Darf im Vereinsverzeichnis ver&amp;öffentlicht werden</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>Sta&amp;mmdaten</translation>
    </message>
    <message>
        <source>Contact &amp;people (%1)</source>
        <translation>Ans&amp;prechpersonen (%1)</translation>
    </message>
    <message>
        <source>&amp;Opportunities (%1)</source>
        <translation>Engagementan&amp;gebote (%1)</translation>
    </message>
    <message>
        <source>Save the organization first.</source>
        <translation>Bitte die Organisation zuerst speichern.</translation>
    </message>
    <message>
        <source>Choose an organization in the list, or create a new one with Ctrl+N.</source>
        <translation>Wählen Sie oben einen Verein oder legen Sie mit Strg+N einen neuen an.</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>Neue Organisation</translation>
    </message>
    <message>
        <source>%1 (archived)</source>
        <translation>%1 (archiviert)</translation>
    </message>
</context>
<context>
    <name>OrganizationKind</name>
    <message>
        <source>Club</source>
        <translation>Verein</translation>
    </message>
    <message>
        <source>Initiative</source>
        <translation>Initiative</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Einrichtung</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
</context>
<context>
    <name>OrganizationOpportunities</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Gesucht</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opportunities of the organization</source>
        <translation>Engagementangebote der Organisation</translation>
    </message>
    <message>
        <source>New oppor&amp;tunity …</source>
        <translation>Neues Angebo&amp;t …</translation>
    </message>
    <message>
        <source>Open with &amp;matching people …</source>
        <translation>Mit passenden Personen ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Edit the opportunity and place people who fit it</source>
        <translation>Das Angebot bearbeiten und passende Personen vermitteln</translation>
    </message>
</context>
<context>
    <name>OrganizationsTab</name>
    <message>
        <source>List of organizations</source>
        <translation>Liste der Vereine und Einrichtungen</translation>
    </message>
    <message>
        <source>Search name, town, e-mail or description …</source>
        <translation>Name, Ort, E-Mail oder Beschreibung suchen …</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Alle Zentren</translation>
    </message>
    <message>
        <source>Engagement centres</source>
        <translation>Engagement-Zentren</translation>
    </message>
    <message>
        <source>&amp;Clubs and organizations</source>
        <translation>&amp;Vereine und Organisationen</translation>
    </message>
    <message>
        <source>Engagement cent&amp;res</source>
        <translation>Engagement-&amp;Zentren</translation>
    </message>
    <message>
        <source>Follow-&amp;up calls (%1)</source>
        <translation>&amp;Wiedervorlagen (%1)</translation>
    </message>
    <message>
        <source>%1 calls due this week, %2 of them overdue</source>
        <translation>%1 Rückrufe diese Woche fällig, davon %2 überfällig</translation>
    </message>
    <message>
        <source>%1 calls due this week</source>
        <translation>%1 Rückrufe diese Woche fällig</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>New password for %1:</source>
        <translation>Neues Passwort für %1:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Setzen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>PausesPanel</name>
    <message>
        <source>Pauses (hospital stay, holiday)</source>
        <translation>Pausen (Krankenhaus, Urlaub)</translation>
    </message>
    <message>
        <source>Pauses: save the new standing order first</source>
        <translation>Pausen: den neuen Dauerauftrag erst speichern</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>dd.mm.yyyy</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Add pause</source>
        <translation>Pause hinzufügen</translation>
    </message>
    <message>
        <source>Change pause</source>
        <translation>Pause ändern</translation>
    </message>
    <message>
        <source>Delete pause</source>
        <translation>Pause löschen</translation>
    </message>
    <message>
        <source>No rides are made on paused days; the week follows at its next planning.</source>
        <translation>An Pausentagen entstehen keine Fahrten; die Woche folgt bei ihrer nächsten Planung.</translation>
    </message>
    <message>
        <source>Please enter the first day like 24.12.2026.</source>
        <translation>Bitte den ersten Tag wie 24.12.2026 eingeben.</translation>
    </message>
    <message>
        <source>Please enter the last day like 24.12.2026.</source>
        <translation>Bitte den letzten Tag wie 24.12.2026 eingeben.</translation>
    </message>
    <message>
        <source>Delete the pause %1 – %2?</source>
        <translation>Die Pause %1 – %2 löschen?</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Speichern unter…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <source>List of people</source>
        <translation>Liste der Personen</translation>
    </message>
    <message>
        <source>Search name, e-mail, phone or town …</source>
        <translation>Name, E-Mail, Telefon oder Ort suchen …</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Alle Rollen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Zentrum</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Alle Zentren</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>Alle Einwilligungen</translation>
    </message>
    <message>
        <source>Storage consent missing</source>
        <translation>Speicher-Einwilligung fehlt</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>Enter a new person (Ctrl+N)</source>
        <translation>Eine neue Person erfassen (Strg+N)</translation>
    </message>
    <message>
        <source>E&amp;xport …</source>
        <translation>E&amp;xportieren …</translation>
    </message>
    <message>
        <source>Write the list as shown, with its search and filters, to Excel or CSV</source>
        <translation>Die Liste wie angezeigt, mit Suche und Filtern, als Excel- oder CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Export is not available in this version.</source>
        <translation>Der Export ist in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>Export people</source>
        <translation>Personen exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, separated by semicolons (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV, mit Semikolon getrennt (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) written to %1.</source>
        <translation>
            <numerusform>%Ln Person wurde nach %1 geschrieben.</numerusform>
            <numerusform>%Ln Personen wurden nach %1 geschrieben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Personal data</source>
        <translation>Stammdaten</translation>
    </message>
    <message>
        <source>Times &amp;&amp; mobility</source>
        <translation>Zeiten &amp;&amp; Mobilität</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Vermittlungen</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Rides, events and certificates</source>
        <translation>Fahrten, Veranstaltungen und Urkunden</translation>
    </message>
    <message>
        <source>Parts of the person&apos;s record</source>
        <translation>Teile der Personenakte</translation>
    </message>
    <message>
        <source>Archive …</source>
        <translation>Archivieren …</translation>
    </message>
    <message>
        <source>Archived people leave the selection lists; their history stays.</source>
        <translation>Archivierte Personen verschwinden aus den Auswahllisten; ihr Verlauf bleibt erhalten.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the record (Esc)</source>
        <translation>Die Person schließen (Esc)</translation>
    </message>
    <message>
        <source>Issue certificate …</source>
        <translation>Nach&amp;weis ausstellen …</translation>
    </message>
    <message>
        <source>Issue a certificate, engagement statement or attendance certificate</source>
        <translation>Urkunde, Engagementnachweis oder Teilnahmebescheinigung ausstellen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the person first</source>
        <translation>Bitte die Person zuerst speichern</translation>
    </message>
    <message>
        <source>the new person</source>
        <translation>die neue Person</translation>
    </message>
    <message>
        <source>The new person is not saved yet.</source>
        <translation>Die neue Person ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Keine Einwilligung</translation>
    </message>
    <message>
        <source>No consent is recorded for this person. Save anyway?</source>
        <translation>Für diese Person ist keine Einwilligung erfasst. Trotzdem speichern?</translation>
    </message>
    <message>
        <source>Not saved: please record the consent.</source>
        <translation>Nicht gespeichert: bitte die Einwilligung erfassen.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved. Please check:</source>
        <translation>Nicht gespeichert. Bitte prüfen:</translation>
    </message>
    <message>
        <source>Archive %1?

Archived people no longer appear in selection lists and suggestions. Their hours, rides and certificates stay in the statistics; nothing is deleted.</source>
        <translation>%1 archivieren?

Archivierte Personen erscheinen nicht mehr in Auswahllisten und Vorschlägen. Ihre Stunden, Fahrten und Urkunden bleiben in der Statistik; gelöscht wird nichts.</translation>
    </message>
    <message>
        <source>Archive person</source>
        <translation>Person archivieren</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Type a name, then choose …</source>
        <translation>Namen eingeben, dann aus der Liste wählen …</translation>
    </message>
</context>
<context>
    <name>PersonStatus</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>Place a volunteer</source>
        <translation>Vermitteln</translation>
    </message>
    <message>
        <source>%1 is interested in “%2” (%3).</source>
        <translation>%1 interessiert sich für „%2“ (%3).</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Follow-up call on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>&amp;Follow-up call on</source>
        <translation>&amp;Wiedervorlage am</translation>
    </message>
    <message>
        <source>e.g. called, sends her CV</source>
        <translation>z. B. angerufen, schickt Unterlagen</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Vermitteln</translation>
    </message>
</context>
<context>
    <name>PlacementStatus</name>
    <message>
        <source>Interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>First talk</source>
        <translation>Erstgespräch</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Vorgeschlagen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>PlacementsPanel</name>
    <message>
        <source>&amp;Placements</source>
        <translation>&amp;Vermittlungen</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Vermittlungen</translation>
    </message>
    <message>
        <source>Opportunity / step</source>
        <translation>Angebot / Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Wiedervorlage</translation>
    </message>
    <message>
        <source>New placement …</source>
        <translation>Neue Vermittlung …</translation>
    </message>
    <message>
        <source>Next step …</source>
        <translation>Nächster Schritt …</translation>
    </message>
    <message>
        <source>Interest → first talk → proposed → active → ended; declined at any open step.</source>
        <translation>Interesse → Erstgespräch → vorgeschlagen → aktiv → beendet; abgelehnt bei jedem offenen Schritt.</translation>
    </message>
</context>
<context>
    <name>PrivacyTab</name>
    <message>
        <source>Review</source>
        <translation>Überprüfung</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>ProgressWatcher</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Bitte warten</translation>
    </message>
    <message>
        <source>Cancelling …</source>
        <translation>Wird abgebrochen …</translation>
    </message>
</context>
<context>
    <name>PublishWebsiteAction</name>
    <message>
        <source>Publish &amp;website …</source>
        <translation>Websei&amp;te veröffentlichen …</translation>
    </message>
    <message>
        <source>Write the club directory and the public events as a website into a folder</source>
        <translation>Vereinsverzeichnis und öffentliche Veranstaltungen als Webseite in einen Ordner schreiben</translation>
    </message>
    <message>
        <source>Folder for the website</source>
        <translation>Ordner für die Webseite</translation>
    </message>
    <message>
        <source>Publishing the website …</source>
        <translation>Webseite wird veröffentlicht …</translation>
    </message>
    <message>
        <source>The website lists %1 organizations with %2 opportunities and %3 events.</source>
        <translation>Die Webseite zeigt %1 Organisationen mit %2 Engagementangeboten und %3 Veranstaltungen.</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>Publish website</source>
        <translation>Webseite veröffentlichen</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>Received</source>
        <translation>Eingegangen am</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Gefragt von</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage/Anregung</translation>
    </message>
    <message>
        <source>Questions and suggestions</source>
        <translation>Fragen und Anregungen</translation>
    </message>
    <message>
        <source>Filter questions …</source>
        <translation>Fragen filtern …</translation>
    </message>
    <message>
        <source>Filter questions</source>
        <translation>Fragen filtern</translation>
    </message>
    <message>
        <source>&amp;Question:</source>
        <translation>&amp;Frage/Anregung:</translation>
    </message>
    <message>
        <source>Asked &amp;by:</source>
        <translation>&amp;Gefragt von:</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>&amp;Eingegangen am:</translation>
    </message>
    <message>
        <source>The question or suggestion, in the citizen&apos;s words</source>
        <translation>Die Frage oder Anregung, in den Worten der Bürgerin oder des Bürgers</translation>
    </message>
    <message>
        <source>name or “anonymous”</source>
        <translation>Name oder „anonym“</translation>
    </message>
    <message>
        <source>&amp;Add question</source>
        <translation>Frage hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add what is typed as a new question (Ctrl+Enter)</source>
        <translation>Das Eingegebene als neue Frage hinzufügen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Save chan&amp;ges</source>
        <translation>Änderung spei&amp;chern</translation>
    </message>
    <message>
        <source>Save the corrected question (Ctrl+S)</source>
        <translation>Die korrigierte Frage speichern (Strg+S)</translation>
    </message>
    <message>
        <source>D&amp;elete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected question</source>
        <translation>Die gewählte Frage löschen</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
    <message>
        <source>Selected question</source>
        <translation>Gewählte Frage</translation>
    </message>
    <message>
        <source>Save or select an event to collect its questions.</source>
        <translation>Bitte eine Veranstaltung wählen oder speichern, um ihre Fragen zu sammeln.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n question(s) shown</source>
        <translation>
            <numerusform>%1 von %n Frage angezeigt</numerusform>
            <numerusform>%1 von %n Fragen angezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n Frage</numerusform>
            <numerusform>%n Fragen</numerusform>
        </translation>
    </message>
    <message>
        <source>the new question</source>
        <translation>der neuen Frage</translation>
    </message>
    <message>
        <source>Delete this question?

%1</source>
        <translation>Diese Frage löschen?

%1</translation>
    </message>
    <message>
        <source>Delete question</source>
        <translation>Frage löschen</translation>
    </message>
</context>
<context>
    <name>ReadOnlyTable</name>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Noch nichts erfasst.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Änderungen speichern (Strg+S)</translation>
    </message>
    <message>
        <source>&amp;Archive …</source>
        <translation>Ar&amp;chivieren …</translation>
    </message>
    <message>
        <source>Archive: keep it for the figures, hide it from the lists</source>
        <translation>Archivieren: bleibt für die Auswertung erhalten, erscheint aber nicht mehr zur Auswahl</translation>
    </message>
    <message>
        <source>“%1” is not saved yet.</source>
        <translation>„%1“ ist noch nicht gespeichert.</translation>
    </message>
    <message>
        <source>– not saved yet</source>
        <translation>– noch nicht gespeichert</translation>
    </message>
    <message>
        <source>– archived</source>
        <translation>– archiviert</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Archive %1?

It stays in the figures and can still be opened, but no longer appears in choices.</source>
        <translation>%1 archivieren?

Der Eintrag bleibt in der Auswertung und lässt sich weiter öffnen, erscheint aber nicht mehr zur Auswahl.</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
</context>
<context>
    <name>RecordHeader</name>
    <message>
        <source>New person</source>
        <translation>Neue Person</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Noch nicht gespeichert</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>Nr. %1</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation>angelegt am %1</translation>
    </message>
    <message>
        <source>changed %1</source>
        <translation>geändert am %1</translation>
    </message>
</context>
<context>
    <name>RecordStatus</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>RecurrenceEditor</name>
    <message>
        <source>Repeats</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <source>every few weeks</source>
        <translation>alle paar Wochen</translation>
    </message>
    <message>
        <source>monthly on a weekday</source>
        <translation>monatlich an einem Wochentag</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>last</source>
        <translation>letzter</translation>
    </message>
    <message>
        <source>%1 – kept unless you change it here</source>
        <translation>%1 – bleibt, solange Sie hier nichts ändern</translation>
    </message>
    <message>
        <source>Choose at least one weekday.</source>
        <translation>Bitte mindestens einen Wochentag wählen.</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Register a person</source>
        <translation>Person anmelden</translation>
    </message>
    <message>
        <source>Type the club&apos;s name …</source>
        <translation>Namen des Vereins eingeben …</translation>
    </message>
    <message>
        <source>e.g. A 12 or foyer left</source>
        <translation>z. B. A 12 oder Foyer links</translation>
    </message>
    <message>
        <source>Type a name …</source>
        <translation>Namen eingeben …</translation>
    </message>
    <message>
        <source>wherever needed</source>
        <translation>wo gebraucht</translation>
    </message>
    <message>
        <source>&amp;Invite (the reply is recorded later)</source>
        <translation>&amp;Einladen (Zu- oder Absage wird später erfasst)</translation>
    </message>
    <message>
        <source>C&amp;lub:</source>
        <translation>&amp;Verein:</translation>
    </message>
    <message>
        <source>S&amp;tand:</source>
        <translation>S&amp;tand:</translation>
    </message>
    <message>
        <source>%1, %2–%3 (%4 of %5 taken)</source>
        <translation>%1, %2–%3 (%4 von %5 belegt)</translation>
    </message>
    <message>
        <source>Contact &amp;person:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>&amp;Schicht:</translation>
    </message>
    <message>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rolle:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Urkunde prüfen</translation>
    </message>
    <message>
        <source>Number or scanned QR text, e.g. U-2025-00001</source>
        <translation>Nummer oder gescannter QR-Text, z. B. U-2025-00001</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Urkundennummer</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Prüfcode</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <source>Selected certificate</source>
        <translation>Gewählte Urkunde</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>Grund des Widerrufs</translation>
    </message>
    <message>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Re&amp;issue …</source>
        <translation>&amp;Neu ausstellen …</translation>
    </message>
    <message>
        <source>Save &amp;duplicate …</source>
        <translation>D&amp;uplikat speichern …</translation>
    </message>
    <message>
        <source>&amp;Print duplicate …</source>
        <translation>Duplikat &amp;drucken …</translation>
    </message>
    <message>
        <source>&amp;Letters to the batch …</source>
        <translation>Briefe an den &amp;Stapel …</translation>
    </message>
    <message>
        <source>Letters or address labels for everyone whose certificate was issued with this one (same kind, day and event)</source>
        <translation>Briefe oder Adressetiketten für alle, deren Urkunde zusammen mit dieser ausgestellt wurde (gleiche Art, gleicher Tag, gleiche Veranstaltung)</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Please give a reason for revoking.</source>
        <translation>Bitte einen Grund für den Widerruf angeben.</translation>
    </message>
    <message>
        <source>Revoke certificate %1? It will no longer count as valid.</source>
        <translation>Urkunde %1 widerrufen? Sie gilt dann nicht mehr als gültig.</translation>
    </message>
    <message>
        <source>%1 has been revoked.</source>
        <translation>%1 wurde widerrufen.</translation>
    </message>
    <message>
        <source>Issue a new certificate with a new number from today&apos;s data? %1 will be marked as replaced.</source>
        <translation>Eine neue Urkunde mit neuer Nummer aus den heutigen Daten ausstellen? %1 wird als ersetzt markiert.</translation>
    </message>
    <message>
        <source>Reissue</source>
        <translation>Neu ausstellen</translation>
    </message>
    <message>
        <source>Save the new certificate as</source>
        <translation>Neue Urkunde speichern unter</translation>
    </message>
    <message>
        <source>%1 replaces %2; saved in %3.</source>
        <translation>%1 ersetzt %2; gespeichert in %3.</translation>
    </message>
    <message>
        <source>Save the duplicate as</source>
        <translation>Duplikat speichern unter</translation>
    </message>
    <message>
        <source>Duplicate saved in %1.</source>
        <translation>Duplikat gespeichert in %1.</translation>
    </message>
    <message>
        <source>Print duplicate</source>
        <translation>Duplikat drucken</translation>
    </message>
</context>
<context>
    <name>RegistrationRole</name>
    <message>
        <source>Participant</source>
        <translation>Teilnehmer/in</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>Helfer/in</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>Aussteller/in</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Gast</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Referent/in</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor/in</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Honoree</source>
        <translation>Geehrte/r</translation>
    </message>
</context>
<context>
    <name>RegistrationStatus</name>
    <message>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Teilgenommen</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Filter by name … (Enter checks in a single match)</source>
        <translation>Nach Namen filtern … (Enter checkt einen einzelnen Treffer ein)</translation>
    </message>
    <message>
        <source>Filter registrations</source>
        <translation>Anmeldungen filtern</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>&amp;Register…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Ca&amp;ncel registration</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Check-in:</source>
        <translation>Check-in:</translation>
    </message>
    <message>
        <source>&amp;Attended</source>
        <translation>A&amp;nwesend</translation>
    </message>
    <message>
        <source>Did n&amp;ot attend</source>
        <translation>Nicht &amp;erschienen</translation>
    </message>
    <message>
        <source>Reply to the invitation:</source>
        <translation>Antwort auf die Einladung:</translation>
    </message>
    <message>
        <source>Acc&amp;epted</source>
        <translation>&amp;Zugesagt</translation>
    </message>
    <message>
        <source>Dec&amp;lined</source>
        <translation>Abge&amp;sagt</translation>
    </message>
    <message>
        <source>Double-click the stand of an exhibitor to change it</source>
        <translation>Doppelklick auf den Stand eines Ausstellers ändert ihn</translation>
    </message>
    <message>
        <source>%1 shown, %2 registered, %3 waiting</source>
        <translation>%1 angezeigt, %2 angemeldet, %3 auf der Warteliste</translation>
    </message>
    <message>
        <source>This person is already busy at that time:

%1

Register anyway?</source>
        <translation>Diese Person ist zu der Zeit schon verplant:

%1

Trotzdem anmelden?</translation>
    </message>
    <message>
        <source>Overlap</source>
        <translation>Überschneidung</translation>
    </message>
    <message>
        <source>The event is full: %1 is on the waiting list.</source>
        <translation>Die Veranstaltung ist voll: %1 steht auf der Warteliste.</translation>
    </message>
    <message>
        <source>%1 is invited; record the reply when it comes.</source>
        <translation>%1 ist eingeladen; die Antwort bitte erfassen, sobald sie kommt.</translation>
    </message>
    <message>
        <source>%1 is registered.</source>
        <translation>%1 ist angemeldet.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Cancel the registration of %1?</source>
        <translation>Die Anmeldung von %1 stornieren?</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Abmelden</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(s) recorded.</source>
        <translation>
            <numerusform>%n Antwort erfasst.</numerusform>
            <numerusform>%n Antworten erfasst.</numerusform>
        </translation>
    </message>
    <message>
        <source>Full, on the waiting list: %1</source>
        <translation>Voll, auf der Warteliste: %1</translation>
    </message>
    <message>
        <source>%1 changed.</source>
        <translation>%1 geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln hours entry(s) created.</source>
        <translation>
            <numerusform>%Ln Stundeneintrag angelegt.</numerusform>
            <numerusform>%Ln Stundeneinträge angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 skipped (cancelled or waiting).</source>
        <translation>%1 übersprungen (storniert oder auf der Warteliste).</translation>
    </message>
</context>
<context>
    <name>ReportRows</name>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1, active</source>
        <translation>%1, aktiv</translation>
    </message>
    <message>
        <source>%1, new</source>
        <translation>%1, neu</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>Alter unbekannt</translation>
    </message>
    <message>
        <source>%1 and older</source>
        <translation>%1 und älter</translation>
    </message>
    <message>
        <source>Under %1</source>
        <translation>Unter %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>Without centre</source>
        <translation>Ohne Zentrum</translation>
    </message>
    <message>
        <source>Placements started</source>
        <translation>Begonnene Vermittlungen</translation>
    </message>
    <message>
        <source>Placements active</source>
        <translation>Aktive Vermittlungen</translation>
    </message>
    <message>
        <source>Placements ended</source>
        <translation>Beendete Vermittlungen</translation>
    </message>
    <message>
        <source>Placements declined</source>
        <translation>Abgelehnte Vermittlungen</translation>
    </message>
    <message>
        <source>Step reached: %1</source>
        <translation>Schritt erreicht: %1</translation>
    </message>
    <message>
        <source>New opportunities</source>
        <translation>Neue Engagementangebote</translation>
    </message>
    <message>
        <source>Opportunities offered</source>
        <translation>Engagementangebote im Bestand</translation>
    </message>
    <message>
        <source>Opportunities with a volunteer placed</source>
        <translation>Angebote mit aktiver Vermittlung</translation>
    </message>
    <message>
        <source>New organizations</source>
        <translation>Neue Organisationen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Participants present</source>
        <translation>Anwesende Teilnehmende</translation>
    </message>
    <message>
        <source>%1: events (participants)</source>
        <translation>%1: Veranstaltungen (Teilnehmende)</translation>
    </message>
    <message>
        <source>Rides done</source>
        <translation>Durchgeführte Fahrten</translation>
    </message>
    <message>
        <source>Rides cancelled</source>
        <translation>Abgesagte Fahrten</translation>
    </message>
    <message>
        <source>Passenger did not come</source>
        <translation>Fahrgast nicht erschienen</translation>
    </message>
    <message>
        <source>Rides without a driver</source>
        <translation>Fahrten ohne Fahrer/in</translation>
    </message>
    <message>
        <source>Kilometres driven</source>
        <translation>Gefahrene Kilometer</translation>
    </message>
    <message>
        <source>Passengers served</source>
        <translation>Beförderte Fahrgäste</translation>
    </message>
    <message>
        <source>Drivers who drove</source>
        <translation>Fahrer/innen im Einsatz</translation>
    </message>
    <message>
        <source>%1: rides done</source>
        <translation>%1: durchgeführte Fahrten</translation>
    </message>
    <message>
        <source>Hours in total</source>
        <translation>Stunden insgesamt</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <source>Volunteers with hours</source>
        <translation>Ehrenamtliche mit Stunden</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Year of the report</source>
        <translation>Berichtsjahr</translation>
    </message>
    <message>
        <source>Ride service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>Von – bis</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Art des Zeitraums</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Erster Tag des Zeitraums</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Letzter Tag des Zeitraums</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>&amp;Centre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>Ride ser&amp;vice:</source>
        <translation>&amp;Fahrdienst:</translation>
    </message>
    <message>
        <source>Annual report as PDF …</source>
        <translation>Jahresbericht als PDF …</translation>
    </message>
    <message>
        <source>… as Excel …</source>
        <translation>… als Excel …</translation>
    </message>
    <message>
        <source>Annual report as an Excel workbook</source>
        <translation>Jahresbericht als Excel-Arbeitsmappe</translation>
    </message>
    <message>
        <source>People by role</source>
        <translation>Personen nach Rolle</translation>
    </message>
    <message>
        <source>Active volunteers by age</source>
        <translation>Aktive Ehrenamtliche nach Alter</translation>
    </message>
    <message>
        <source>Active volunteers by centre</source>
        <translation>Aktive Ehrenamtliche nach Zentrum</translation>
    </message>
    <message>
        <source>Placements and opportunities</source>
        <translation>Vermittlungen und Angebote</translation>
    </message>
    <message>
        <source>Volunteer hours</source>
        <translation>Engagement-Stunden</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Alle Zentren</translation>
    </message>
    <message>
        <source>All ride services</source>
        <translation>Alle Fahrdienste</translation>
    </message>
    <message>
        <source>Figures for %1, compared with %2</source>
        <translation>Zahlen für %1, im Vergleich mit %2</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Hours by month</source>
        <translation>Stunden nach Monat</translation>
    </message>
    <message>
        <source>Rides done by month</source>
        <translation>Durchgeführte Fahrten nach Monat</translation>
    </message>
    <message>
        <source>Annual report %1</source>
        <translation>Jahresbericht %1</translation>
    </message>
    <message>
        <source>Save the annual report as</source>
        <translation>Jahresbericht speichern unter</translation>
    </message>
    <message>
        <source>Writing the annual report …</source>
        <translation>Jahresbericht wird geschrieben …</translation>
    </message>
    <message>
        <source>Annual report saved: %1</source>
        <translation>Jahresbericht gespeichert: %1</translation>
    </message>
    <message>
        <source>Calculating …</source>
        <translation>Wird berechnet …</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Verified backups in %1. Restoring replaces all current data; the current database is kept as a copy beside it first.</source>
        <translation>Geprüfte Sicherungen in %1. Wiederherstellen ersetzt alle jetzigen Daten; die jetzige Datenbank wird vorher als Kopie daneben aufbewahrt.</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Hours entries</source>
        <translation>Einsätze</translation>
    </message>
    <message>
        <source>Rides</source>
        <translation>Fahrten</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>There is no verified backup of this database here yet.</source>
        <translation>Hier gibt es noch keine geprüfte Sicherung dieser Datenbank.</translation>
    </message>
    <message>
        <source>&amp;Restore …</source>
        <translation>&amp;Wiederherstellen …</translation>
    </message>
    <message>
        <source>&amp;Other file …</source>
        <translation>&amp;Andere Datei …</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymize</source>
        <translation>Anonymisieren</translation>
    </message>
    <message>
        <source>None of the selected people can be anonymized yet:</source>
        <translation>Keine der ausgewählten Personen kann schon anonymisiert werden:</translation>
    </message>
    <message numerus="yes">
        <source>The personal data of %n people will be erased for good (Art. 17 GDPR); hours, rides, attendance and placements stay in the statistics. This cannot be undone.</source>
        <translation>
            <numerusform>Die persönlichen Daten von %n Person werden endgültig gelöscht (Art. 17 DSGVO); Stunden, Fahrten, Teilnahmen und Vermittlungen bleiben in der Statistik. Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>Die persönlichen Daten von %n Personen werden endgültig gelöscht (Art. 17 DSGVO); Stunden, Fahrten, Teilnahmen und Vermittlungen bleiben in der Statistik. Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not possible yet for:</source>
        <translation>Noch nicht möglich für:</translation>
    </message>
    <message>
        <source>Anonymize now?</source>
        <translation>Jetzt anonymisieren?</translation>
    </message>
    <message>
        <source>Anonymizing …</source>
        <translation>Anonymisiere …</translation>
    </message>
    <message>
        <source>Anonymized</source>
        <translation>Anonymisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n people were anonymized.</source>
        <translation>
            <numerusform>%n Person wurde anonymisiert.</numerusform>
            <numerusform>%n Personen wurden anonymisiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people to review</source>
        <translation>
            <numerusform>%n Person zu überprüfen</numerusform>
            <numerusform>%n Personen zu überprüfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>People without any activity for %1 years, whose consent to storage was withdrawn, or archived and unchanged for %1 years. Anonymised people are not listed.</source>
        <translation>Personen ohne jede Aktivität seit %1 Jahren, mit widerrufener Einwilligung zur Speicherung oder seit %1 Jahren archiviert und unverändert. Bereits anonymisierte Personen erscheinen nicht.</translation>
    </message>
    <message>
        <source>&amp;Retention period (years):</source>
        <translation>&amp;Aufbewahrungsfrist (Jahre):</translation>
    </message>
    <message>
        <source>Retention period in years</source>
        <translation>Aufbewahrungsfrist in Jahren</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Anonymize …</source>
        <translation>A&amp;nonymisieren …</translation>
    </message>
    <message>
        <source>People to review</source>
        <translation>Zu überprüfende Personen</translation>
    </message>
    <message>
        <source>Reviewing …</source>
        <translation>Überprüfe …</translation>
    </message>
</context>
<context>
    <name>RideCards</name>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Rollator</source>
        <translation>Rollator</translation>
    </message>
    <message>
        <source>Escort</source>
        <translation>Begleitung</translation>
    </message>
    <message>
        <source>(no passenger)</source>
        <translation>(kein Fahrgast)</translation>
    </message>
    <message>
        <source>(no destination)</source>
        <translation>(kein Ziel)</translation>
    </message>
    <message>
        <source>Driver: open</source>
        <translation>Fahrer/in: offen</translation>
    </message>
    <message>
        <source>Ride no. %1 – %2</source>
        <translation>Fahrt Nr. %1 – %2</translation>
    </message>
    <message>
        <source>Pick-up: %1</source>
        <translation>Abholung: %1</translation>
    </message>
    <message>
        <source>Destination: %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 assigned by hand (kept when replanning)</source>
        <translation>%1 von Hand zugeteilt (bleibt beim Neuplanen)</translation>
    </message>
</context>
<context>
    <name>RideEditor</name>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <source>Pick-up &amp;time:</source>
        <translation>Abhol&amp;zeit:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>D&amp;auer:</translation>
    </message>
    <message>
        <source>Pick-&amp;up at:</source>
        <translation>Ab&amp;holung:</translation>
    </message>
    <message>
        <source>Destinatio&amp;n:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Return at:</source>
        <translation>&amp;Rückfahrt um:</translation>
    </message>
    <message>
        <source>Needs:</source>
        <translation>Bedarf:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Notiz:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>empty: no return trip</source>
        <translation>leer: keine Rückfahrt</translation>
    </message>
    <message>
        <source>&amp;Wheelchair</source>
        <translation>Roll&amp;stuhl</translation>
    </message>
    <message>
        <source>R&amp;ollator</source>
        <translation>R&amp;ollator</translation>
    </message>
    <message>
        <source>&amp;Escort</source>
        <translation>&amp;Begleitung</translation>
    </message>
    <message>
        <source>This ride is done, cancelled or a no-show: reopen it to change it.</source>
        <translation>Diese Fahrt ist erledigt, abgesagt oder „nicht angetroffen“: zum Ändern bitte zuerst wieder öffnen.</translation>
    </message>
    <message>
        <source>This ride comes from a standing order: change its day, time and addresses in the standing order. Here only the notes.</source>
        <translation>Diese Fahrt kommt aus einem Dauerauftrag: Tag, Zeit und Adressen bitte im Dauerauftrag ändern. Hier nur die Notiz.</translation>
    </message>
    <message>
        <source>Return trip no. %1</source>
        <translation>Rückfahrt Nr. %1</translation>
    </message>
    <message>
        <source>Ride no. %1</source>
        <translation>Fahrt Nr. %1</translation>
    </message>
    <message>
        <source>the ride</source>
        <translation>der Fahrt</translation>
    </message>
    <message>
        <source>the ride of %1</source>
        <translation>der Fahrt von %1</translation>
    </message>
</context>
<context>
    <name>RideEditorDialog</name>
    <message>
        <source>Edit ride</source>
        <translation>Fahrt bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RideOverride</name>
    <message>
        <source>Giving this ride to %1 breaks these rules:</source>
        <translation>Wenn %1 diese Fahrt übernimmt, werden diese Regeln verletzt:</translation>
    </message>
    <message>
        <source>Assign anyway? The ride is then kept when replanning.</source>
        <translation>Trotzdem zuteilen? Die Fahrt bleibt dann beim Neuplanen so.</translation>
    </message>
    <message>
        <source>Assign driver by hand</source>
        <translation>Fahrer/in von Hand zuteilen</translation>
    </message>
</context>
<context>
    <name>RideServiceKind</name>
    <message>
        <source>Weekly</source>
        <translation>Wöchentlich</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <source>As needed</source>
        <translation>Nach Bedarf</translation>
    </message>
</context>
<context>
    <name>RideServicesEditor</name>
    <message>
        <source>Mo</source>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tu</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>We</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Th</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fr</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sa</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Su</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Ride services</source>
        <translation>Fahrdienste</translation>
    </message>
    <message>
        <source>New ride service</source>
        <translation>Neuer Fahrdienst</translation>
    </message>
    <message>
        <source>Create a new ride service (Ctrl+N)</source>
        <translation>Einen neuen Fahrdienst anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>(no centre)</source>
        <translation>(kein Zentrum)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Runs on public holidays</source>
        <translation>Fährt auch an Feiertagen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Centre:</source>
        <translation>&amp;Zentrum:</translation>
    </message>
    <message>
        <source>C&amp;oordinator:</source>
        <translation>K&amp;oordination:</translation>
    </message>
    <message>
        <source>Da&amp;ys of operation:</source>
        <translation>&amp;Fahrtage:</translation>
    </message>
    <message>
        <source>Default d&amp;uration:</source>
        <translation>&amp;Dauer einer Fahrt:</translation>
    </message>
    <message>
        <source>&amp;Holidays:</source>
        <translation>Fei&amp;ertage:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the ride service (Ctrl+S)</source>
        <translation>Den Fahrdienst speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Archivieren</translation>
    </message>
    <message>
        <source>Save ride service</source>
        <translation>Fahrdienst speichern</translation>
    </message>
    <message>
        <source>%1 ride services</source>
        <translation>%1 Fahrdienste</translation>
    </message>
    <message>
        <source>the new ride service</source>
        <translation>dem neuen Fahrdienst</translation>
    </message>
    <message>
        <source>Please choose a person from the list.</source>
        <translation>Bitte eine Person aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Archive the ride service “%1”? Its rides stay in the statistics, but it is no longer planned.</source>
        <translation>Den Fahrdienst „%1“ archivieren? Seine Fahrten bleiben in der Statistik, er wird aber nicht mehr geplant.</translation>
    </message>
    <message>
        <source>Archive ride service</source>
        <translation>Fahrdienst archivieren</translation>
    </message>
</context>
<context>
    <name>RideStatus</name>
    <message>
        <source>Planned</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Driver assigned</source>
        <translation>Fahrer/in zugeteilt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Durchgeführt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht angetroffen</translation>
    </message>
</context>
<context>
    <name>RideWeekView</name>
    <message>
        <source>Standby: %1</source>
        <translation>Bereitschaft: %1</translation>
    </message>
    <message>
        <source>Standby: –</source>
        <translation>Bereitschaft: –</translation>
    </message>
</context>
<context>
    <name>RidesTab</name>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>From today</source>
        <translation>Ab heute</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <source>List of rides</source>
        <translation>Liste der Fahrten</translation>
    </message>
    <message>
        <source>Search destination, address or driver …</source>
        <translation>Ziel, Adresse oder Fahrer/in suchen …</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Fahrdienste</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No rides planned yet.</source>
        <translation>Noch keine Fahrten geplant.</translation>
    </message>
    <message>
        <source>Week plan</source>
        <translation>Wochenplan</translation>
    </message>
    <message>
        <source>All rides</source>
        <translation>Alle Fahrten</translation>
    </message>
    <message>
        <source>Standing orders</source>
        <translation>Daueraufträge</translation>
    </message>
    <message>
        <source>Drivers</source>
        <translation>Fahrer/innen</translation>
    </message>
    <message>
        <source>Ride services</source>
        <translation>Fahrdienste</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Volunteer</source>
        <translation>Ehrenamtliche/r</translation>
    </message>
    <message>
        <source>Passenger</source>
        <translation>Fahrgast</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Fahrer/in</translation>
    </message>
    <message>
        <source>Club contact</source>
        <translation>Ansprechpartner/in</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor/in</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter/in</translation>
    </message>
</context>
<context>
    <name>SavedFiltersBar</name>
    <message>
        <source>Name of the filter</source>
        <translation>Name des Filters</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Keep the list&apos;s search and filters under the name typed beside it</source>
        <translation>Suche und Filter der Liste unter dem daneben eingegebenen Namen speichern</translation>
    </message>
    <message>
        <source>Saved filter:</source>
        <translation>Gespeicherter Filter:</translation>
    </message>
    <message>
        <source>Form letter …</source>
        <translation>Serien&amp;brief …</translation>
    </message>
    <message>
        <source>Letters, address labels or an e-mail list for the people in the list</source>
        <translation>Briefe, Adressetiketten oder eine E-Mail-Liste für die Personen der Liste</translation>
    </message>
    <message>
        <source>Please type a name for the filter first.</source>
        <translation>Bitte zuerst einen Namen für den Filter eingeben.</translation>
    </message>
    <message>
        <source>Saved filter “%1”</source>
        <translation>Gespeicherter Filter „%1“</translation>
    </message>
    <message>
        <source>The people list as filtered now</source>
        <translation>Die Personenliste, wie sie jetzt gefiltert ist</translation>
    </message>
</context>
<context>
    <name>SearchKind</name>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Clubs &amp; organizations</source>
        <translation>Vereine &amp; Organisationen</translation>
    </message>
    <message>
        <source>Volunteer opportunities</source>
        <translation>Engagementangebote</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Engagement Desk</source>
        <translation>Engagement Desk einrichten</translation>
    </message>
    <message>
        <source>Backup &amp;folder:</source>
        <translation>Sicherungs&amp;ordner:</translation>
    </message>
    <message>
        <source>Choose …</source>
        <translation>Wählen …</translation>
    </message>
    <message>
        <source>Welcome to Engagement Desk</source>
        <translation>Willkommen bei Engagement Desk</translation>
    </message>
    <message>
        <source>This database is still empty. What would you like to do?</source>
        <translation>Diese Datenbank ist noch leer. Was möchten Sie tun?</translation>
    </message>
    <message>
        <source>&amp;Set up a new agency</source>
        <translation>Neue Agentur &amp;einrichten</translation>
    </message>
    <message>
        <source>Look at the &amp;demo data</source>
        <translation>&amp;Demo-Daten ansehen</translation>
    </message>
    <message>
        <source>&amp;Open an existing database …</source>
        <translation>&amp;Vorhandene Datenbank öffnen …</translation>
    </message>
    <message>
        <source>Name, address, logo, federal state and signatures; about two minutes.</source>
        <translation>Name, Anschrift, Logo, Bundesland und Unterschriften; etwa zwei Minuten.</translation>
    </message>
    <message>
        <source>A made-up agency with people, rides and events, kept apart from real data.</source>
        <translation>Eine erfundene Agentur mit Personen, Fahrten und Veranstaltungen, getrennt von echten Daten.</translation>
    </message>
    <message>
        <source>A database file or the office&apos;s server, e.g. one set up by a colleague.</source>
        <translation>Eine Datenbankdatei oder den Server des Büros, z. B. von einer Kollegin eingerichtet.</translation>
    </message>
    <message>
        <source>Your agency</source>
        <translation>Ihre Agentur</translation>
    </message>
    <message>
        <source>Printed on certificates, run sheets and letters.</source>
        <translation>Steht auf Urkunden, Laufzetteln und Briefen.</translation>
    </message>
    <message>
        <source>Federal state and km rate</source>
        <translation>Bundesland und Kilometerpauschale</translation>
    </message>
    <message>
        <source>The federal state decides the public holidays, on which rides do not run. The km rate is paid to drivers in the expense claims.</source>
        <translation>Das Bundesland entscheidet über die Feiertage, an denen keine Fahrten stattfinden. Die Kilometerpauschale erhalten Fahrerinnen und Fahrer in der Fahrtkostenabrechnung.</translation>
    </message>
    <message>
        <source>Signatures on certificates</source>
        <translation>Unterschriften auf Urkunden</translation>
    </message>
    <message>
        <source>Who signs certificates (up to two, left and right). A scanned signature is optional; you can add or change this later under Settings.</source>
        <translation>Wer Urkunden unterschreibt (bis zu zwei, links und rechts). Eine eingescannte Unterschrift ist freiwillig; Sie können das später unter Einstellungen ergänzen oder ändern.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Datensicherung</translation>
    </message>
    <message>
        <source>Backups made on this computer go to this folder; an external drive or a network share is safest.</source>
        <translation>Sicherungen von diesem Computer kommen in diesen Ordner; am sichersten ist eine externe Festplatte oder ein Netzlaufwerk.</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertig</translation>
    </message>
    <message>
        <source>Please fill in.</source>
        <translation>Bitte ausfüllen.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
</context>
<context>
    <name>ShiftsPanel</name>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
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
        <source>Slots</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Belegt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Warteliste</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Schichten</translation>
    </message>
    <message>
        <source>T&amp;ask:</source>
        <translation>Auf&amp;gabe:</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Sl&amp;ots:</source>
        <translation>&amp;Plätze:</translation>
    </message>
    <message>
        <source>e.g. set-up, stand service, clearing away</source>
        <translation>z. B. Aufbau, Standdienst, Abbau</translation>
    </message>
    <message>
        <source>How many helpers this shift needs</source>
        <translation>Wie viele Helfer/innen diese Schicht braucht</translation>
    </message>
    <message>
        <source>&amp;New shift</source>
        <translation>&amp;Neue Schicht</translation>
    </message>
    <message>
        <source>Plan another shift after the last one</source>
        <translation>Eine weitere Schicht nach der letzten planen</translation>
    </message>
    <message>
        <source>&amp;Save shift</source>
        <translation>Schicht spei&amp;chern</translation>
    </message>
    <message>
        <source>Save the shift (Ctrl+S)</source>
        <translation>Die Schicht speichern (Strg+S)</translation>
    </message>
    <message>
        <source>D&amp;elete shift</source>
        <translation>Schicht &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the selected shift; its helpers stay registered</source>
        <translation>Die gewählte Schicht löschen; ihre Helfer/innen bleiben angemeldet</translation>
    </message>
    <message>
        <source>New shift</source>
        <translation>Neue Schicht</translation>
    </message>
    <message>
        <source>Shift “%1”</source>
        <translation>Schicht „%1“</translation>
    </message>
    <message>
        <source>Save or select an event to plan its helper shifts.</source>
        <translation>Bitte eine Veranstaltung wählen oder speichern, um ihre Helferschichten zu planen.</translation>
    </message>
    <message>
        <source>No shifts yet.</source>
        <translation>Noch keine Schichten.</translation>
    </message>
    <message numerus="yes">
        <source>%n shift(s), %1 of %2 slots taken, %3 waiting</source>
        <translation>
            <numerusform>%n Schicht, %1 von %2 Plätzen belegt, %3 auf der Warteliste</numerusform>
            <numerusform>%n Schichten, %1 von %2 Plätzen belegt, %3 auf der Warteliste</numerusform>
        </translation>
    </message>
    <message>
        <source>All slots taken</source>
        <translation>Alle Plätze belegt</translation>
    </message>
    <message>
        <source>the new shift</source>
        <translation>der neuen Schicht</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message numerus="yes">
        <source>Delete the shift “%1”?

%n helper(s) registered for it stay registered for the event, without a shift.</source>
        <translation>
            <numerusform>Die Schicht „%1“ löschen?

%n Helfer/in ist für sie angemeldet und bleibt für die Veranstaltung angemeldet, ohne Schicht.</numerusform>
            <numerusform>Die Schicht „%1“ löschen?

%n Helfer/innen sind für sie angemeldet und bleiben für die Veranstaltung angemeldet, ohne Schicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete the shift “%1”? Nobody is registered for it.</source>
        <translation>Die Schicht „%1“ löschen? Für sie ist niemand angemeldet.</translation>
    </message>
    <message>
        <source>Delete shift</source>
        <translation>Schicht löschen</translation>
    </message>
</context>
<context>
    <name>SignaturesPage</name>
    <message>
        <source>Signatures</source>
        <translation>Unterschriften</translation>
    </message>
    <message>
        <source>Who signs certificates, printed under the signature line. The image of a signature (PNG or SVG) is optional; without one, the line stays free for signing by hand. Leave a name empty to have one signatory only.</source>
        <translation>Wer Urkunden unterschreibt, steht unter der Unterschriftslinie. Ein Bild der Unterschrift (PNG oder SVG) ist freiwillig; ohne Bild bleibt die Linie frei für die Unterschrift von Hand. Für nur eine Unterschrift einen Namen leer lassen.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>Each staff member logs in to the database server with their own login; the audit trail names it. Management may do everything; Office keeps records, events, hours and certificates; Ride service plans rides and sees passengers&apos; needs; Read only sees everything but health data and changes nothing. The database server itself enforces the roles.</source>
        <translation>Alle Mitarbeitenden melden sich mit einer eigenen Anmeldung am Datenbankserver an; das Protokoll nennt sie. Leitung darf alles; Büro pflegt Personen, Veranstaltungen, Stunden und Nachweise; Fahrdienst plant Fahrten und sieht den Bedarf der Fahrgäste; Lesen sieht alles ohne Gesundheitsdaten und ändert nichts. Der Datenbankserver selbst setzt die Rollen durch.</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add …</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>Change &amp;role …</source>
        <translation>&amp;Rolle ändern …</translation>
    </message>
    <message>
        <source>Set &amp;password …</source>
        <translation>&amp;Passwort setzen …</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Staff logins exist only with a PostgreSQL database; the single-PC database needs no login.</source>
        <translation>Mitarbeitende und Anmeldungen gibt es nur mit einer PostgreSQL-Datenbank; die Einzelplatz-Datenbank braucht keine Anmeldung.</translation>
    </message>
    <message>
        <source>Only Management can add, change or disable logins.</source>
        <translation>Nur die Leitung kann Anmeldungen hinzufügen, ändern oder deaktivieren.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Disable the login %1 (%2)? It can no longer log in; its open sessions end now. The audit trail keeps its name.</source>
        <translation>Anmeldung %1 (%2) deaktivieren? Sie kann sich dann nicht mehr anmelden; offene Sitzungen enden sofort. Das Protokoll behält ihren Namen.</translation>
    </message>
    <message>
        <source>Disable login</source>
        <translation>Anmeldung deaktivieren</translation>
    </message>
</context>
<context>
    <name>StaffRole</name>
    <message>
        <source>Management</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Büro</translation>
    </message>
    <message>
        <source>Ride service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Lesen</translation>
    </message>
</context>
<context>
    <name>TagEdit</name>
    <message>
        <source>Add a word, then Enter</source>
        <translation>Wort, dann Eingabetaste</translation>
    </message>
    <message>
        <source>Remove “%1”</source>
        <translation>„%1“ entfernen</translation>
    </message>
</context>
<context>
    <name>TagKind</name>
    <message>
        <source>Interest</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>Vor&amp;lage:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>Ü&amp;berschrift:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>P&amp;laceholders (double-click or Enter inserts one at the cursor):</source>
        <translation>&amp;Platzhalter (Doppelklick oder Eingabetaste fügt ihn an der Schreibmarke ein):</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>Vorlage &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation>Vorschau für</translation>
    </message>
    <message>
        <source>Choose a person and press Preview.</source>
        <translation>Eine Person wählen und „Vorschau“ drücken.</translation>
    </message>
    <message>
        <source>Version %1 of this text.</source>
        <translation>Version %1 dieses Textes.</translation>
    </message>
    <message>
        <source>Saved. Certificates now show version %1.</source>
        <translation>Gespeichert. Urkunden tragen jetzt Version %1.</translation>
    </message>
    <message>
        <source>Choose a person for the preview first.</source>
        <translation>Bitte zuerst eine Person für die Vorschau wählen.</translation>
    </message>
</context>
<context>
    <name>TypedDateEdit</name>
    <message>
        <source>e.g. 15.12., tue, tomorrow</source>
        <translation>z. B. 15.12., di, morgen</translation>
    </message>
    <message>
        <source>in the past</source>
        <translation>liegt in der Vergangenheit</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>(next year)</source>
        <translation>(nächstes Jahr)</translation>
    </message>
</context>
<context>
    <name>TypedTimeEdit</name>
    <message>
        <source>e.g. 830</source>
        <translation>z. B. 830</translation>
    </message>
    <message>
        <source>no time</source>
        <translation>keine Uhrzeit</translation>
    </message>
</context>
<context>
    <name>VehiclesEditor</name>
    <message>
        <source>Vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <source>New vehicle</source>
        <translation>Neues Fahrzeug</translation>
    </message>
    <message>
        <source>Create a new vehicle (Ctrl+N)</source>
        <translation>Ein neues Fahrzeug anlegen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Registration:</source>
        <translation>&amp;Kennzeichen:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>&amp;Halter/in:</translation>
    </message>
    <message>
        <source>&amp;Seats:</source>
        <translation>&amp;Sitzplätze:</translation>
    </message>
    <message>
        <source>&amp;Wheelchair spaces:</source>
        <translation>&amp;Rollstuhlplätze:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Save the vehicle (Ctrl+S)</source>
        <translation>Das Fahrzeug speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Save vehicle</source>
        <translation>Fahrzeug speichern</translation>
    </message>
    <message numerus="yes">
        <source>%Ln vehicle(s)</source>
        <translation>
            <numerusform>%Ln Fahrzeug</numerusform>
            <numerusform>%Ln Fahrzeuge</numerusform>
        </translation>
    </message>
    <message>
        <source>the new vehicle</source>
        <translation>dem neuen Fahrzeug</translation>
    </message>
    <message>
        <source>Please choose a person from the list.</source>
        <translation>Bitte eine Person aus der Liste wählen.</translation>
    </message>
</context>
<context>
    <name>WeekActions</name>
    <message>
        <source>Plan week</source>
        <translation>Woche planen</translation>
    </message>
    <message>
        <source>%1 is already planned. Plan it again?</source>
        <translation>Die Woche %1 ist schon geplant. Neu planen?</translation>
    </message>
    <message>
        <source>%1 is already planned. 1 ride was assigned by hand: keep it?</source>
        <translation>Die Woche %1 ist schon geplant. 1 Fahrt wurde von Hand zugeteilt: behalten?</translation>
    </message>
    <message>
        <source>%1 is already planned. %2 rides were assigned by hand: keep them?</source>
        <translation>Die Woche %1 ist schon geplant. %2 Fahrten wurden von Hand zugeteilt: behalten?</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Neu zuteilen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>WeekRunSheets</name>
    <message>
        <source>Run sheets of %1</source>
        <translation>Laufzettel %1</translation>
    </message>
    <message>
        <source>All drivers&apos; run sheets of the week: in one PDF, or one PDF per driver?</source>
        <translation>Die Laufzettel aller Fahrer/innen der Woche: in einer PDF-Datei oder eine PDF-Datei je Fahrer/in?</translation>
    </message>
    <message>
        <source>One PDF</source>
        <translation>Eine PDF-Datei</translation>
    </message>
    <message>
        <source>One PDF per driver…</source>
        <translation>Eine je Fahrer/in …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Folder for the run sheets</source>
        <translation>Ordner für die Laufzettel</translation>
    </message>
    <message>
        <source>Run sheets written</source>
        <translation>Laufzettel gespeichert</translation>
    </message>
    <message>
        <source>%1 run sheets (one per driver) are in %2.</source>
        <translation>%1 Laufzettel (einer je Fahrer/in) liegen in %2.</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>Previous week</source>
        <translation>Vorige Woche</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Calendar week</source>
        <translation>Kalenderwoche</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Ride service</source>
        <translation>Fahrdienst</translation>
    </message>
    <message>
        <source>Plan week</source>
        <translation>Woche planen</translation>
    </message>
    <message>
        <source>Create the week&apos;s rides from the standing orders and assign drivers</source>
        <translation>Die Fahrten der Woche aus den Daueraufträgen erzeugen und Fahrer/innen zuteilen</translation>
    </message>
    <message>
        <source>New request…</source>
        <translation>Neue Anfrage…</translation>
    </message>
    <message>
        <source>Take a one-off ride request (Ctrl+N)</source>
        <translation>Eine einmalige Fahrtanfrage aufnehmen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Fahrdienst:</translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation>Legende:</translation>
    </message>
    <message>
        <source>%1 assigned by hand</source>
        <translation>%1 von Hand zugeteilt</translation>
    </message>
    <message>
        <source>↩ return trip   ♿ wheelchair</source>
        <translation>↩ Rückfahrt   ♿ Rollstuhl</translation>
    </message>
    <message>
        <source>Open rides and why</source>
        <translation>Offene Fahrten und warum</translation>
    </message>
    <message>
        <source>Open rides</source>
        <translation>Offene Fahrten</translation>
    </message>
    <message numerus="yes">
        <source>%Ln ride(s), %1 open</source>
        <translation>
            <numerusform>%Ln Fahrt, %1 offen</numerusform>
            <numerusform>%Ln Fahrten, %1 offen</numerusform>
        </translation>
    </message>
    <message>
        <source>The ride has not begun yet: it can be marked done afterwards</source>
        <translation>Die Fahrt hat noch nicht begonnen: als erledigt eintragen erst danach</translation>
    </message>
    <message>
        <source>No ride selected.</source>
        <translation>Keine Fahrt ausgewählt.</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Fahrer/in</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuteilen</translation>
    </message>
    <message>
        <source>Remove driver</source>
        <translation>Fahrer/in entfernen</translation>
    </message>
    <message>
        <source>Standby that day</source>
        <translation>Bereitschaft an diesem Tag</translation>
    </message>
    <message>
        <source>Make the chosen driver the standby driver of this service on the ride&apos;s day</source>
        <translation>Die gewählte Fahrerin / den gewählten Fahrer für diesen Fahrdienst an diesem Tag in Bereitschaft setzen</translation>
    </message>
    <message>
        <source>Done…</source>
        <translation>Erledigt…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Wieder öffnen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <source>Change day, time, addresses, needs or the return trip (double-click)</source>
        <translation>Tag, Zeit, Adressen, Bedarf oder die Rückfahrt ändern (Doppelklick)</translation>
    </message>
    <message>
        <source>Run sheet</source>
        <translation>Laufzettel</translation>
    </message>
    <message>
        <source>Run sheet of the selected ride&apos;s driver (or the chosen driver) for the day</source>
        <translation>Laufzettel der Fahrerin / des Fahrers der gewählten Fahrt (oder der gewählten Person) für den Tag</translation>
    </message>
    <message>
        <source>Call list</source>
        <translation>Anrufliste</translation>
    </message>
    <message>
        <source>Passengers of the selected day, to phone them the day before</source>
        <translation>Fahrgäste des gewählten Tages, zum Anrufen am Vortag</translation>
    </message>
    <message>
        <source>Km summary</source>
        <translation>Kilometerabrechnung</translation>
    </message>
    <message>
        <source>Kilometres per driver for the month of the selected day</source>
        <translation>Kilometer je Fahrer/in im Monat des gewählten Tages</translation>
    </message>
    <message>
        <source>Week&apos;s run sheets…</source>
        <translation>Laufzettel der Woche …</translation>
    </message>
    <message>
        <source>All drivers&apos; run sheets of the shown week: one PDF, or one PDF per driver</source>
        <translation>Die Laufzettel aller Fahrer/innen der gezeigten Woche: eine PDF-Datei oder eine je Fahrer/in</translation>
    </message>
    <message>
        <source>Selected ride</source>
        <translation>Ausgewählte Fahrt</translation>
    </message>
    <message>
        <source>&amp;Driver:</source>
        <translation>Fa&amp;hrer/in:</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message numerus="yes">
        <source> (a better plan could add at most %n ride(s))</source>
        <translation>
            <numerusform> (ein besserer Plan könnte höchstens 1 Fahrt mehr zuteilen)</numerusform>
            <numerusform> (ein besserer Plan könnte höchstens %n Fahrten mehr zuteilen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln ride(s), %2 open</source>
        <translation>
            <numerusform>%1: %Ln Fahrt, %2 offen</numerusform>
            <numerusform>%1: %Ln Fahrten, %2 offen</numerusform>
        </translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle Fahrdienste</translation>
    </message>
    <message>
        <source>Open rides (%1)</source>
        <translation>Offene Fahrten (%1)</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Driver: %1</source>
        <translation>Fahrer/in: %1</translation>
    </message>
    <message>
        <source>Planning %1 …</source>
        <translation>%1 wird geplant …</translation>
    </message>
    <message>
        <source>planned: %1 of %2 rides have a driver</source>
        <translation>geplant: %1 von %2 Fahrten haben eine/n Fahrer/in</translation>
    </message>
    <message>
        <source> (the most possible)</source>
        <translation> (das Höchstmögliche)</translation>
    </message>
    <message>
        <source> – planning was cancelled; the best plan found until then was saved</source>
        <translation> – Planung abgebrochen; der bis dahin beste Plan wurde gespeichert</translation>
    </message>
    <message>
        <source>Cancel the ride of %1 at %2?</source>
        <translation>Die Fahrt von %1 am %2 absagen?</translation>
    </message>
    <message>
        <source>Cancel ride</source>
        <translation>Fahrt absagen</translation>
    </message>
</context>
<context>
    <name>_StepFields</name>
    <message>
        <source>&amp;Date</source>
        <translation>Da&amp;tum</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>&amp;Call back on</source>
        <translation>&amp;Wiedervorlage am</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Call back on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>Puts the person on the weekly call-back list</source>
        <translation>Setzt die Person auf die wöchentliche Rückrufliste</translation>
    </message>
    <message>
        <source>Please enter the date (DD.MM.YYYY).</source>
        <translation>Bitte das Datum eintragen (TT.MM.JJJJ).</translation>
    </message>
    <message>
        <source>The call-back date is not a date (DD.MM.YYYY).</source>
        <translation>Die Wiedervorlage ist kein Datum (TT.MM.JJJJ).</translation>
    </message>
</context>
</TS>
