<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>countersign::core::ActionReview</name>
    <message numerus="yes">
        <source>… and %n more flag(s) of the same kinds; the content itself is shown in full.</source>
        <translation>
            <numerusform>… and %n more flag of the same kinds; the content itself is shown in full.</numerusform>
            <numerusform>… and %n more flags of the same kinds; the content itself is shown in full.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::ActionRisk</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>older than %n days</source>
        <translation>
            <numerusform>older than %n day</numerusform>
            <numerusform>older than %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::app::ConsoleController</name>
    <message numerus="yes">
        <source>%n action(s) chosen in the history view</source>
        <translation>
            <numerusform>%n action chosen in the history view</numerusform>
            <numerusform>%n actions chosen in the history view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::ui::HistoryView</name>
    <message numerus="yes">
        <source>%n resolved action(s) in the local cache</source>
        <translation>
            <numerusform>%n resolved action in the local cache</numerusform>
            <numerusform>%n resolved actions in the local cache</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n decision(s) verified locally: signature by the approver&apos;s enrolled key and digest of the action as displayed.</source>
        <translation>
            <numerusform>%1 of %n decision verified locally: signature by the approver&apos;s enrolled key and digest of the action as displayed.</numerusform>
            <numerusform>%1 of %n decisions verified locally: signature by the approver&apos;s enrolled key and digest of the action as displayed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n action(s) to %1</source>
        <translation>
            <numerusform>Exported %n action to %1</numerusform>
            <numerusform>Exported %n actions to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::InjectionCheck</name>
    <message numerus="yes">
        <source>… and %n more instruction-like passage(s) in the same text.</source>
        <translation>
            <numerusform>… and %n more instruction-like passage in the same text.</numerusform>
            <numerusform>… and %n more instruction-like passages in the same text.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::models::JsonTreeModel</name>
    <message numerus="yes">
        <source>%n members</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>String of %n UTF-16 code units</source>
        <translation>
            <numerusform>String of %n UTF-16 code unit</numerusform>
            <numerusform>String of %n UTF-16 code units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 with %n children</source>
        <translation>
            <numerusform>%1 with %n child</numerusform>
            <numerusform>%1 with %n children</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invisible characters made visible as ⟦U+…⟧ tokens.</source>
        <translation>
            <numerusform>%n invisible character made visible as a ⟦U+…⟧ token.</numerusform>
            <numerusform>%n invisible characters made visible as ⟦U+…⟧ tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::ui::MainWindow</name>
    <message numerus="yes">
        <source>Accepted for %1: %2 of %3 approvals; waiting for %n more.</source>
        <translation>
            <numerusform>Accepted for %1: %2 of %3 approvals; waiting for %n more.</numerusform>
            <numerusform>Accepted for %1: %2 of %3 approvals; waiting for %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s) left the queue: %1. This is final.</source>
        <translation>
            <numerusform>%Ln action left the queue: %1. This is final.</numerusform>
            <numerusform>%Ln actions left the queue: %1. This is final.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::ReviewChecks</name>
    <message numerus="yes">
        <source>Written %n days ago (%1): older than %2 days, it may no longer be true.</source>
        <translation>
            <numerusform>Written %n day ago (%1): older than %2 days, it may no longer be true.</numerusform>
            <numerusform>Written %n days ago (%1): older than %2 days, it may no longer be true.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::ui::ReviewPanel</name>
    <message numerus="yes">
        <source>⚠ %n problem(s) in the authority chain:
</source>
        <translation>
            <numerusform>⚠ %n problem in the authority chain:
</numerusform>
            <numerusform>⚠ %n problems in the authority chain:
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in this pane, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n invisible or reordering character in this pane, shown as ⟦…⟧ tokens.</numerusform>
            <numerusform>⚠ %n invisible or reordering characters in this pane, shown as ⟦…⟧ tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n invisible or reordering character(s) in the tool arguments, shown as ⟦…⟧ tokens.</source>
        <translation>
            <numerusform>⚠ %n invisible or reordering character in the tool arguments, shown as ⟦…⟧ tokens.</numerusform>
            <numerusform>⚠ %n invisible or reordering characters in the tool arguments, shown as ⟦…⟧ tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::TextCheck</name>
    <message numerus="yes">
        <source>%n invisible or reordering character(s) shown as ⟦…⟧ tokens: %1.</source>
        <translation>
            <numerusform>%n invisible or reordering character shown as ⟦…⟧ tokens: %1.</numerusform>
            <numerusform>%n invisible or reordering characters shown as ⟦…⟧ tokens: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::ui::TrayIcon</name>
    <message numerus="yes">
        <source>Countersign: %n action(s) waiting for approval</source>
        <translation>
            <numerusform>Countersign: %n action waiting for approval</numerusform>
            <numerusform>Countersign: %n actions waiting for approval</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>countersign::core::UntrustedText</name>
    <message numerus="yes">
        <source>… (%n more characters — show all)</source>
        <translation>
            <numerusform>… (%n more character — show all)</numerusform>
            <numerusform>… (%n more characters — show all)</numerusform>
        </translation>
    </message>
</context>
</TS>
