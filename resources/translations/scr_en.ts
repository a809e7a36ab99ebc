<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>the copy&apos;s database is behind its logs: %n log(s) are not in it yet (SCR replays with a lag of at least 50 logs); eseutil /r replays them and leaves it in Clean Shutdown</source>
        <translation>
            <numerusform>the copy&apos;s database is behind its logs: %n log is not in it yet (SCR replays with a lag of at least 50 logs); eseutil /r replays them and leaves it in Clean Shutdown</numerusform>
            <numerusform>the copy&apos;s database is behind its logs: %n logs are not in it yet (SCR replays with a lag of at least 50 logs); eseutil /r replays them and leaves it in Clean Shutdown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be reached: %n log(s) never copied</source>
        <translation>
            <numerusform>%1 cannot be reached: %n log never copied</numerusform>
            <numerusform>%1 cannot be reached: %n logs never copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, at most %n minute(s) of mail. Restore-StorageGroupCopy runs with -Force.</source>
        <translation>
            <numerusform>, at most %n minute of mail. Restore-StorageGroupCopy runs with -Force.</numerusform>
            <numerusform>, at most %n minutes of mail. Restore-StorageGroupCopy runs with -Force.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rehome the %n user mailbox(es) of %1 (not its system mailboxes)</source>
        <translation>
            <numerusform>Rehome the %n user mailbox of %1 (not its system mailboxes)</numerusform>
            <numerusform>Rehome the %n user mailboxes of %1 (not its system mailboxes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n storage group(s) activated already)</source>
        <translation>
            <numerusform>%1 (%n storage group activated already)</numerusform>
            <numerusform>%1 (%n storage groups activated already)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n SCR copy/copies)</source>
        <translation>
            <numerusform>%1 (%n SCR copy)</numerusform>
            <numerusform>%1 (%n SCR copies)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail lost if activated now: none. The source is reachable: the wizard dismounts its database first, then Restore-StorageGroupCopy copies the %n log(s) the copy lacks and the open log.</source>
        <translation>
            <numerusform>Mail lost if activated now: none. The source is reachable: the wizard dismounts its database first, then Restore-StorageGroupCopy copies the %n log the copy lacks and the open log.</numerusform>
            <numerusform>Mail lost if activated now: none. The source is reachable: the wizard dismounts its database first, then Restore-StorageGroupCopy copies the %n logs the copy lacks and the open log.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail lost if activated now: %n log(s)</source>
        <translation>
            <numerusform>Mail lost if activated now: %n log</numerusform>
            <numerusform>Mail lost if activated now: %n logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%1), at most %n minute(s) of mail. The source %2 cannot be reached.</source>
        <translation>
            <numerusform> (%1), at most %n minute of mail. The source %2 cannot be reached.</numerusform>
            <numerusform> (%1), at most %n minutes of mail. The source %2 cannot be reached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay queue now: %n log(s) inspected and not replayed yet (ReplayQueueLength).</source>
        <translation>
            <numerusform>Replay queue now: %n log inspected and not replayed yet (ReplayQueueLength).</numerusform>
            <numerusform>Replay queue now: %n logs inspected and not replayed yet (ReplayQueueLength).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay left at activation: %n log(s) (eseutil /r)</source>
        <translation>
            <numerusform>Replay left at activation: %n log (eseutil /r)</numerusform>
            <numerusform>Replay left at activation: %n logs (eseutil /r)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::EnableCopyWizard</name>
    <message numerus="yes">
        <source>%n server(s) can take the copy.</source>
        <translation>
            <numerusform>%n server can take the copy.</numerusform>
            <numerusform>%n servers can take the copy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> hour</numerusform>
            <numerusform> hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> minute</numerusform>
            <numerusform> minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::PortabilityWizard</name>
    <message numerus="yes">
        <source>I accept the loss of %n log(s)</source>
        <translation>
            <numerusform>I accept the loss of %n log</numerusform>
            <numerusform>I accept the loss of %n logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n minute(s) of mail)</source>
        <translation>
            <numerusform> (%n minute of mail)</numerusform>
            <numerusform> (%n minutes of mail)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::PrepareTargetWizard</name>
    <message numerus="yes">
        <source>%n target(s) to prepare; %1 done already.</source>
        <translation>
            <numerusform>%n target to prepare; %1 done already.</numerusform>
            <numerusform>%n targets to prepare; %1 done already.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::RecoverServerWizard</name>
    <message numerus="yes">
        <source>%n log(s)</source>
        <translation>
            <numerusform>%n log</numerusform>
            <numerusform>%n logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, at most %n minute(s) of mail</source>
        <translation>
            <numerusform>, at most %n minute of mail</numerusform>
            <numerusform>, at most %n minutes of mail</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>I accept the loss of %n log(s)</source>
        <translation>
            <numerusform>I accept the loss of %n log</numerusform>
            <numerusform>I accept the loss of %n logs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n minute(s) of mail)</source>
        <translation>
            <numerusform> (%n minute of mail)</numerusform>
            <numerusform> (%n minutes of mail)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::ReplicationDashboard</name>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with the service down</source>
        <translation>
            <numerusform>%n with the service down</numerusform>
            <numerusform>%n with the service down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspended</source>
        <translation>
            <numerusform>%n suspended</numerusform>
            <numerusform>%n suspended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n crossing a threshold</source>
        <translation>
            <numerusform>%n crossing a threshold</numerusform>
            <numerusform>%n crossing a threshold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SCR copies</source>
        <translation>
            <numerusform>%n SCR copy</numerusform>
            <numerusform>%n SCR copies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::ScrWizard</name>
    <message numerus="yes">
        <source>%n check(s) failed. Next stays unavailable until they pass: do what each says, then click Check Again. Nothing has been changed.</source>
        <translation>
            <numerusform>%n check failed. Next stays unavailable until they pass: do what each says, then click Check Again. Nothing has been changed.</numerusform>
            <numerusform>%n checks failed. Next stays unavailable until they pass: do what each says, then click Check Again. Nothing has been changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All checks passed, %n with a warning: read it before you go on.</source>
        <translation>
            <numerusform>All checks passed, %n with a warning: read it before you go on.</numerusform>
            <numerusform>All checks passed, %n with a warning: read it before you go on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>The %n check passed.</numerusform>
            <numerusform>All %n checks passed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed: the wizard completed successfully. %n step(s) ran.</source>
        <translation>
            <numerusform>Completed: the wizard completed successfully. %n step ran.</numerusform>
            <numerusform>Completed: the wizard completed successfully. %n steps ran.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::cmdlets</name>
    <message numerus="yes">
        <source>%n storage group(s) copied to it</source>
        <translation>
            <numerusform>%n storage group copied to it</numerusform>
            <numerusform>%n storage groups copied to it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>it holds %n file(s) from before that are no target&apos;s: %1</source>
        <translation>
            <numerusform>it holds %n file from before that are no target&apos;s: %1</numerusform>
            <numerusform>it holds %n files from before that are no target&apos;s: %1</numerusform>
        </translation>
    </message>
</context>
</TS>
