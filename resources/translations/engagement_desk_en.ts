<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n entries written to %1.</source>
        <translation>
            <numerusform>%n entry written to %1.</numerusform>
            <numerusform>%n entries written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message numerus="yes">
        <source>Last backup %n day(s) ago</source>
        <translation>
            <numerusform>Last backup %n day ago</numerusform>
            <numerusform>Last backup %n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CentresPage</name>
    <message numerus="yes">
        <source>%Ln centre(s)</source>
        <translation>
            <numerusform>%Ln centre</numerusform>
            <numerusform>%Ln centres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DriversEditor</name>
    <message numerus="yes">
        <source>%Ln driver(s)</source>
        <translation>
            <numerusform>%Ln driver</numerusform>
            <numerusform>%Ln drivers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventDayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventMonthModel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message numerus="yes">
        <source>No errors. “Import” saves %Ln person(s).</source>
        <translation>
            <numerusform>No errors. “Import” saves %Ln person.</numerusform>
            <numerusform>No errors. “Import” saves %Ln people.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryPage</name>
    <message numerus="yes">
        <source>%Ln person(s) imported. They are now in the list “People”.</source>
        <translation>
            <numerusform>%Ln person imported. They are now in the list “People”.</numerusform>
            <numerusform>%Ln people imported. They are now in the list “People”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterchangeActions</name>
    <message numerus="yes">
        <source>%Ln record(s) written to %1.</source>
        <translation>
            <numerusform>%Ln record written to %1.</numerusform>
            <numerusform>%Ln records written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) loaded from %1.</source>
        <translation>
            <numerusform>%Ln record loaded from %1.</numerusform>
            <numerusform>%Ln records loaded from %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MasterDataForm</name>
    <message numerus="yes">
        <source>%Ln year(s)</source>
        <translation>
            <numerusform>%Ln year</numerusform>
            <numerusform>%Ln years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersEditor</name>
    <message numerus="yes">
        <source>%Ln standing order(s)</source>
        <translation>
            <numerusform>%Ln standing order</numerusform>
            <numerusform>%Ln standing orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message numerus="yes">
        <source>%Ln person(s) written to %1.</source>
        <translation>
            <numerusform>%Ln person written to %1.</numerusform>
            <numerusform>%Ln people written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message numerus="yes">
        <source>%1 of %n question(s) shown</source>
        <translation>
            <numerusform>%1 of %n question shown</numerusform>
            <numerusform>%1 of %n questions shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationsPanel</name>
    <message numerus="yes">
        <source>%n reply(s) recorded.</source>
        <translation>
            <numerusform>%n reply recorded.</numerusform>
            <numerusform>%n replies recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln hours entry(s) created.</source>
        <translation>
            <numerusform>%Ln hours entry created.</numerusform>
            <numerusform>%Ln hours entries created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The personal data of %n people will be erased for good (Art. 17 GDPR); hours, rides, attendance and placements stay in the statistics. This cannot be undone.</source>
        <translation>
            <numerusform>The personal data of %n person will be erased for good (Art. 17 GDPR); hours, rides, attendance and placements stay in the statistics. This cannot be undone.</numerusform>
            <numerusform>The personal data of %n people will be erased for good (Art. 17 GDPR); hours, rides, attendance and placements stay in the statistics. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people were anonymized.</source>
        <translation>
            <numerusform>%n person was anonymized.</numerusform>
            <numerusform>%n people were anonymized.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n people to review</source>
        <translation>
            <numerusform>%n person to review</numerusform>
            <numerusform>%n people to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShiftsPanel</name>
    <message numerus="yes">
        <source>%n shift(s), %1 of %2 slots taken, %3 waiting</source>
        <translation>
            <numerusform>%n shift, %1 of %2 slots taken, %3 waiting</numerusform>
            <numerusform>%n shifts, %1 of %2 slots taken, %3 waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete the shift “%1”?

%n helper(s) registered for it stay registered for the event, without a shift.</source>
        <translation>
            <numerusform>Delete the shift “%1”?

%n helper registered for it stay registered for the event, without a shift.</numerusform>
            <numerusform>Delete the shift “%1”?

%n helpers registered for it stay registered for the event, without a shift.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VehiclesEditor</name>
    <message numerus="yes">
        <source>%Ln vehicle(s)</source>
        <translation>
            <numerusform>%Ln vehicle</numerusform>
            <numerusform>%Ln vehicles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message numerus="yes">
        <source>%Ln ride(s), %1 open</source>
        <translation>
            <numerusform>%Ln ride, %1 open</numerusform>
            <numerusform>%Ln rides, %1 open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (a better plan could add at most %n ride(s))</source>
        <translation>
            <numerusform> (a better plan could add at most %n ride)</numerusform>
            <numerusform> (a better plan could add at most %n rides)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln ride(s), %2 open</source>
        <translation>
            <numerusform>%1: %Ln ride, %2 open</numerusform>
            <numerusform>%1: %Ln rides, %2 open</numerusform>
        </translation>
    </message>
</context>
</TS>
