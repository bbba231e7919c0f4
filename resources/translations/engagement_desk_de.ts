<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>The database cannot be opened: %1</source>
        <translation>Die Datenbank kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The database file cannot be opened: %1</source>
        <translation>Die Datenbankdatei kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Creating the demo agency …</source>
        <translation>Die Demo-Agentur wird angelegt …</translation>
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
        <translation>Anerkennungsveranstaltung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
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
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export data …</source>
        <translation>Daten &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Import data …</source>
        <translation>Daten &amp;importieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
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
    <message>
        <source>%1 records were written to %2.</source>
        <translation>%1 Datensätze wurden nach %2 geschrieben.</translation>
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
        <source>%1 records were loaded from %2.</source>
        <translation>%1 Datensätze wurden aus %2 geladen.</translation>
    </message>
    <message>
        <source>Export and import are not available in this version.</source>
        <translation>Export und Import sind in dieser Version nicht verfügbar.</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Engagement Desk %1&lt;/h3&gt;&lt;p&gt;The desktop program of a volunteer agency: people, clubs, ride service, events, certificates and figures, offline in one place.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Engagement Desk %1&lt;/h3&gt;&lt;p&gt;Das Programm der Freiwilligenagentur: Personen, Vereine, Fahrdienst, Veranstaltungen, Urkunden und Auswertungen – offline an einem Ort.&lt;/p&gt;&lt;p&gt;Datenbank: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Engagement Desk</source>
        <translation>Über Engagement Desk</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Engagement Desk</source>
        <translation>Engagement Desk</translation>
    </message>
    <message>
        <source>The database cannot be reached or is locked: %1</source>
        <translation>Die Datenbank ist nicht erreichbar oder gesperrt: %1</translation>
    </message>
    <message>
        <source>The file could not be read or written: %1</source>
        <translation>Die Datei konnte nicht gelesen oder geschrieben werden: %1</translation>
    </message>
    <message>
        <source>An unexpected error occurred. Details are in the log.

%1</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Einzelheiten stehen im Protokoll.

%1</translation>
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
    <name>ReportsTab</name>
    <message>
        <source>Year:</source>
        <translation>Jahr:</translation>
    </message>
    <message>
        <source>Year of the report</source>
        <translation>Jahr der Auswertung</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>Organizations and placements</source>
        <translation>Vereine und Vermittlungen</translation>
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
        <source>Volunteer hours</source>
        <translation>Engagement-Stunden</translation>
    </message>
    <message>
        <source>Figures for %1</source>
        <translation>Zahlen für %1</translation>
    </message>
    <message>
        <source>Volunteers with hours this year</source>
        <translation>Ehrenamtliche mit Stunden im Jahr</translation>
    </message>
    <message>
        <source>Active organizations</source>
        <translation>Aktive Vereine und Einrichtungen</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>Offene Engagementangebote</translation>
    </message>
    <message>
        <source>Active placements</source>
        <translation>Laufende Vermittlungen</translation>
    </message>
    <message>
        <source>Rides done</source>
        <translation>Durchgeführte Fahrten</translation>
    </message>
    <message>
        <source>Kilometres driven</source>
        <translation>Gefahrene Kilometer</translation>
    </message>
    <message>
        <source>Participants present</source>
        <translation>Anwesende Teilnehmende</translation>
    </message>
    <message>
        <source>Without centre</source>
        <translation>Ohne Zentrum</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>Calculating …</source>
        <translation>Wird berechnet …</translation>
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
        <translation>Förderer/in</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeiter/in</translation>
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
</TS>
