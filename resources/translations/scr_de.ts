<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConsoleActions</name>
    <message>
        <source>Power off %1 (simulate a failure)</source>
        <translation>%1 ausschalten (Ausfall simulieren)</translation>
    </message>
    <message>
        <source>Power %1 off without a shutdown? Its databases stop dirty and its logs become unreachable.</source>
        <translation>%1 ohne Herunterfahren ausschalten? Seine Datenbanken werden nicht sauber beendet (Dirty Shutdown), und seine Protokolle sind nicht mehr erreichbar.</translation>
    </message>
    <message>
        <source>Power on %1</source>
        <translation>%1 einschalten</translation>
    </message>
    <message>
        <source>Prepare SCR targets on %1...</source>
        <translation>SCR-Ziele auf %1 vorbereiten...</translation>
    </message>
    <message>
        <source>Recover server %1 from its SCR copies...</source>
        <translation>Server %1 aus seinen SCR-Kopien wiederherstellen...</translation>
    </message>
    <message>
        <source>Enable SCR for %1...</source>
        <translation>SCR für %1 aktivieren...</translation>
    </message>
    <message>
        <source>Disable SCR copy %1 on %2</source>
        <translation>SCR-Kopie %1 auf %2 deaktivieren</translation>
    </message>
    <message>
        <source>Stop replicating %1 to %2? The copy&apos;s files stay on %2.</source>
        <translation>Replikation von %1 nach %2 beenden? Die Dateien der Kopie bleiben auf %2.</translation>
    </message>
    <message>
        <source>Start a full backup of %1</source>
        <translation>Vollsicherung von %1 starten</translation>
    </message>
    <message>
        <source>Properties of %1...</source>
        <translation>Eigenschaften von %1...</translation>
    </message>
    <message>
        <source>Dismount %1</source>
        <translation>Bereitstellung von %1 aufheben</translation>
    </message>
    <message>
        <source>Dismount %1? Its users lose access until it is mounted again.</source>
        <translation>Bereitstellung von %1 aufheben? Die Benutzer verlieren den Zugriff, bis die Datenbank wieder bereitgestellt wird.</translation>
    </message>
    <message>
        <source>Start mail flow to %1...</source>
        <translation>Nachrichtenfluss zu %1 starten...</translation>
    </message>
    <message>
        <source>Stop mail flow to %1</source>
        <translation>Nachrichtenfluss zu %1 beenden</translation>
    </message>
    <message>
        <source>Mount %1</source>
        <translation>%1 bereitstellen</translation>
    </message>
    <message>
        <source>Resume SCR copy %1</source>
        <translation>SCR-Kopie %1 fortsetzen</translation>
    </message>
    <message>
        <source>Suspend SCR copy %1</source>
        <translation>SCR-Kopie %1 anhalten</translation>
    </message>
    <message>
        <source>Seed SCR copy %1 again</source>
        <translation>Seeding für SCR-Kopie %1 erneut durchführen</translation>
    </message>
    <message>
        <source>Seed the copy of %1 on %2 again? Its files on %2 are deleted first.</source>
        <translation>Seeding für die Kopie von %1 auf %2 erneut durchführen? Ihre Dateien auf %2 werden zuerst gelöscht.</translation>
    </message>
    <message>
        <source>Disable SCR copy %1</source>
        <translation>SCR-Kopie %1 deaktivieren</translation>
    </message>
    <message>
        <source>Activate SCR copy %1 by database portability...</source>
        <translation>SCR-Kopie %1 per Datenbankportabilität aktivieren...</translation>
    </message>
    <message>
        <source>Recover server %1 on %2...</source>
        <translation>Server %1 auf %2 wiederherstellen...</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove the mailbox database %1 from the organization? Its file stays on the disk; the database must be dismounted and hold no mailboxes.</source>
        <translation>Postfachdatenbank %1 aus der Organisation entfernen? Ihre Datei bleibt auf dem Datenträger; die Bereitstellung der Datenbank muss aufgehoben sein, und sie darf keine Postfächer enthalten.</translation>
    </message>
    <message>
        <source>Remove the storage group %1 from the organization? Its files stay on the disk; it must hold no database.</source>
        <translation>Speichergruppe %1 aus der Organisation entfernen? Ihre Dateien bleiben auf dem Datenträger; sie darf keine Datenbank enthalten.</translation>
    </message>
    <message>
        <source>Resume activating %1 on %2 by database portability...</source>
        <translation>Aktivierung von %1 auf %2 per Datenbankportabilität fortsetzen...</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Activate the copy (Restore-StorageGroupCopy)</source>
        <translation>Kopie aktivieren (Restore-StorageGroupCopy)</translation>
    </message>
    <message>
        <source>Recover server %1 on this machine (setup /m:RecoverServer)</source>
        <translation>Server %1 auf diesem Computer wiederherstellen (setup /m:RecoverServer)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n storage group(s) activated already)</source>
        <translation>
            <numerusform>%1 (%n Speichergruppe bereits aktiviert)</numerusform>
            <numerusform>%1 (%n Speichergruppen bereits aktiviert)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 copies, %3 activated already)</source>
        <translation>%1 (%2 Kopien, %3 bereits aktiviert)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n SCR copy/copies)</source>
        <translation>
            <numerusform>%1 (%n SCR-Kopie)</numerusform>
            <numerusform>%1 (%n SCR-Kopien)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is powered off (Start-Host %1)</source>
        <translation>%1 ist ausgeschaltet (Start-Host %1)</translation>
    </message>
    <message>
        <source>Restore %1 from its last full backup, then Mount-Database each of its databases</source>
        <translation>%1 aus der letzten Vollsicherung wiederherstellen, dann jede seiner Datenbanken mit Mount-Database bereitstellen</translation>
    </message>
    <message>
        <source>or a dial-tone (empty) database: Mount-Database %1 -Force</source>
        <translation>oder eine (leere) Wähltondatenbank: Mount-Database %1 -Force</translation>
    </message>
    <message>
        <source>no such host</source>
        <translation>kein solcher Host</translation>
    </message>
    <message>
        <source>Get-Host lists them</source>
        <translation>Get-Host listet sie auf</translation>
    </message>
    <message>
        <source>Activate the copy of %1 on %2 (Restore-StorageGroupCopy -Force)</source>
        <translation>Kopie von %1 auf %2 aktivieren (Restore-StorageGroupCopy -Force)</translation>
    </message>
    <message>
        <source>Reset the computer account of %1 in Active Directory (in the lab, Rename-Computer retires host %2: this shows it)</source>
        <translation>Computerkonto von %1 in Active Directory zurücksetzen (im Labor setzt Rename-Computer den Host %2 außer Dienst: dieser Schritt zeigt es)</translation>
    </message>
    <message>
        <source>Uninstall Exchange from %1 (setup /m:Uninstall)</source>
        <translation>Exchange von %1 deinstallieren (setup /m:Uninstall)</translation>
    </message>
    <message>
        <source>Rename %1 to %2 (Rename-Computer)</source>
        <translation>%1 in %2 umbenennen (Rename-Computer)</translation>
    </message>
    <message>
        <source>Recover the databases of %1 from the copied logs (eseutil /r)</source>
        <translation>Datenbanken von %1 aus den kopierten Protokollen wiederherstellen (eseutil /r)</translation>
    </message>
    <message>
        <source>Mount %1 on the recovered server</source>
        <translation>%1 auf dem wiederhergestellten Server bereitstellen</translation>
    </message>
    <message>
        <source>The failed server %1 is down</source>
        <translation>Der ausgefallene Server %1 ist nicht verfügbar</translation>
    </message>
    <message>
        <source>Its host %1 is powered off</source>
        <translation>Sein Host %1 ist ausgeschaltet</translation>
    </message>
    <message>
        <source>The standby machine %1 is powered on</source>
        <translation>Der Standbycomputer %1 ist eingeschaltet</translation>
    </message>
    <message>
        <source>%1 is powered on</source>
        <translation>%1 ist eingeschaltet</translation>
    </message>
    <message>
        <source>%1 is powered off: nothing can run on it</source>
        <translation>%1 ist ausgeschaltet: Auf ihm kann nichts ausgeführt werden</translation>
    </message>
    <message>
        <source>Start-Host %1, or choose another standby machine</source>
        <translation>Start-Host %1, oder wählen Sie einen anderen Standbycomputer</translation>
    </message>
    <message>
        <source>%1 holds nothing but copies of %2 (setup /m:Uninstall needs it)</source>
        <translation>%1 enthält nur Kopien von %2 (setup /m:Uninstall setzt das voraus)</translation>
    </message>
    <message>
        <source>No storage group of its own, no copy of another server&apos;s storage groups</source>
        <translation>Keine eigene Speichergruppe, keine Kopie der Speichergruppen eines anderen Servers</translation>
    </message>
    <message>
        <source>; or choose another standby machine</source>
        <translation>; oder wählen Sie einen anderen Standbycomputer</translation>
    </message>
    <message>
        <source>The name %1 can be given to %2 (Rename-Computer)</source>
        <translation>Der Name %1 kann an %2 vergeben werden (Rename-Computer)</translation>
    </message>
    <message>
        <source>No powered-on host is named %1</source>
        <translation>Kein eingeschalteter Host heißt %1</translation>
    </message>
    <message>
        <source>At least one storage group of %1 can be activated on %2</source>
        <translation>Mindestens eine Speichergruppe von %1 kann auf %2 aktiviert werden</translation>
    </message>
    <message>
        <source>%1 holds no SCR copy of %2&apos;s storage groups</source>
        <translation>%1 enthält keine SCR-Kopie der Speichergruppen von %2</translation>
    </message>
    <message>
        <source>choose the standby machine that holds the copies</source>
        <translation>wählen Sie den Standbycomputer, der die Kopien enthält</translation>
    </message>
    <message>
        <source>Activated: %1</source>
        <translation>Aktiviert: %1</translation>
    </message>
    <message>
        <source>Every storage group of %1 has a copy on %2</source>
        <translation>Jede Speichergruppe von %1 hat eine Kopie auf %2</translation>
    </message>
    <message>
        <source>None is lost</source>
        <translation>Keine geht verloren</translation>
    </message>
    <message>
        <source>Lost (no SCR copy on %1): %2</source>
        <translation>Verloren (keine SCR-Kopie auf %1): %2</translation>
    </message>
    <message>
        <source>after the recovery, restore them from a backup, or mount an empty dial-tone database with Mount-Database -Force (the completion page lists the commands)</source>
        <translation>stellen Sie sie nach der Wiederherstellung aus einer Sicherung wieder her, oder stellen Sie mit Mount-Database -Force eine leere Wähltondatenbank bereit (die Abschlussseite listet die Befehle auf)</translation>
    </message>
    <message>
        <source>%1 has room on its disk</source>
        <translation>%1 hat genügend Speicherplatz auf seinem Datenträger</translation>
    </message>
    <message>
        <source>%1 GB free</source>
        <translation>%L1 GB frei</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>The wizard completed successfully.</source>
        <translation>Der Assistent wurde erfolgreich abgeschlossen.</translation>
    </message>
    <message>
        <source>The wizard failed: the first failed step stopped it and the steps after it were not run.</source>
        <translation>Fehler im Assistenten: Der erste fehlgeschlagene Schritt hat ihn angehalten, die folgenden Schritte wurden nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The wizard was cancelled: the steps after the last completed one were not run.</source>
        <translation>Der Assistent wurde abgebrochen: Die Schritte nach dem letzten abgeschlossenen wurden nicht ausgeführt.</translation>
    </message>
    <message>
        <source>The wizard has not finished.</source>
        <translation>Der Assistent ist nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Exchange Management Shell command completed:</source>
        <translation>Abgeschlossener Befehl der Exchange-Verwaltungsshell:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Exchange Management Shell command attempted:</source>
        <translation>Versuchter Befehl der Exchange-Verwaltungsshell:</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Exchange Management Shell command not run:</source>
        <translation>Nicht ausgeführter Befehl der Exchange-Verwaltungsshell:</translation>
    </message>
    <message>
        <source>Elapsed Time: %1</source>
        <translation>Verstrichene Zeit: %1</translation>
    </message>
    <message numerus="yes">
        <source>the copy&apos;s database is behind its logs: %n log(s) are not in it yet (SCR replays with a lag of at least 50 logs); eseutil /r replays them and leaves it in Clean Shutdown</source>
        <translation>
            <numerusform>die Datenbank der Kopie liegt hinter ihren Protokollen zurück: %n Protokoll ist noch nicht in ihr enthalten (SCR gibt mit einer Verzögerung von mindestens 50 Protokollen wieder); eseutil /r gibt es wieder und hinterlässt die Datenbank im Zustand „Clean Shutdown“</numerusform>
            <numerusform>die Datenbank der Kopie liegt hinter ihren Protokollen zurück: %n Protokolle sind noch nicht in ihr enthalten (SCR gibt mit einer Verzögerung von mindestens 50 Protokollen wieder); eseutil /r gibt sie wieder und hinterlässt die Datenbank im Zustand „Clean Shutdown“</numerusform>
        </translation>
    </message>
    <message>
        <source>mounted</source>
        <translation>bereitgestellt</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch nicht vorhanden</translation>
    </message>
    <message>
        <source>the activated copy&apos;s database is %1: eseutil /r brings it to Clean Shutdown from its logs</source>
        <translation>die Datenbank der aktivierten Kopie ist %1: eseutil /r bringt sie anhand ihrer Protokolle in den Zustand „Clean Shutdown“</translation>
    </message>
    <message>
        <source>the activated copy&apos;s database is %1 already</source>
        <translation>die Datenbank der aktivierten Kopie ist bereits %1</translation>
    </message>
    <message>
        <source>%1 was created with its own files at %2; it will mount the copy&apos;s file %3, which it did not create (its GUID and log signature are %4&apos;s). The store mounts such a file only when &quot;This database can be overwritten by a restore&quot; is set.</source>
        <translation>%1 wurde mit eigenen Dateien unter %2 erstellt; sie wird mit der Datei %3 der Kopie bereitgestellt, die sie nicht erstellt hat (GUID und Protokollsignatur der Datei stammen von %4). Der Informationsspeicher stellt eine solche Datei nur bereit, wenn „Diese Datenbank kann bei einer Wiederherstellung überschrieben werden“ gesetzt ist.</translation>
    </message>
    <message>
        <source>%1 (host %2) is powered off</source>
        <translation>%1 (Host %2) ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Start-Host %1, then Check Again</source>
        <translation>Start-Host %1, klicken Sie dann auf „Erneut prüfen“</translation>
    </message>
    <message>
        <source>An SCR copy of %1 is on %2, seeded</source>
        <translation>Auf %2 liegt eine SCR-Kopie von %1 (Seeding durchgeführt)</translation>
    </message>
    <message>
        <source>The copy was already activated (Restore-StorageGroupCopy ran); its files are on %1. The wizard goes on from there.</source>
        <translation>Die Kopie wurde bereits aktiviert (Restore-StorageGroupCopy wurde ausgeführt); ihre Dateien liegen auf %1. Der Assistent setzt dort fort.</translation>
    </message>
    <message>
        <source>The copy holds neither a database nor a log yet: there is nothing to activate</source>
        <translation>Die Kopie enthält noch weder eine Datenbank noch ein Protokoll: Es gibt nichts zu aktivieren</translation>
    </message>
    <message>
        <source>Update-StorageGroupCopy %1 -StandbyMachine %2 seeds it; or restore %3 from a backup instead</source>
        <translation>Update-StorageGroupCopy %1 -StandbyMachine %2 führt das Seeding durch; oder stellen Sie %3 stattdessen aus einer Sicherung wieder her</translation>
    </message>
    <message>
        <source>Status %1; last copied log generation %2</source>
        <translation>Status %1; Generation des zuletzt kopierten Protokolls: %2</translation>
    </message>
    <message>
        <source>The target objects %1 and %2 exist on %3</source>
        <translation>Die Zielobjekte %1 und %2 sind auf %3 vorhanden</translation>
    </message>
    <message>
        <source>There is no storage group %1</source>
        <translation>Es gibt keine Speichergruppe %1</translation>
    </message>
    <message>
        <source>There is no database %1</source>
        <translation>Es gibt keine Datenbank %1</translation>
    </message>
    <message>
        <source>Run Prepare SCR Target on %1 (action pane), or New-StorageGroup -Name %2 -Server %1 -LogFolderPath %3 -SystemFolderPath %3; New-MailboxDatabase -Name %4 -StorageGroup %5 -EdbFilePath %3\%4.edb; mount and dismount it once, then delete %3</source>
        <translation>Führen Sie „SCR-Ziel vorbereiten“ auf %1 aus (Bereich „Aktionen“), oder New-StorageGroup -Name %2 -Server %1 -LogFolderPath %3 -SystemFolderPath %3; New-MailboxDatabase -Name %4 -StorageGroup %5 -EdbFilePath %3\%4.edb; stellen Sie die Datenbank einmal bereit, heben Sie die Bereitstellung wieder auf und löschen Sie dann %3</translation>
    </message>
    <message>
        <source>%1 is mounted on its own file %2</source>
        <translation>%1 ist mit der eigenen Datei %2 bereitgestellt</translation>
    </message>
    <message>
        <source>Dismount-Database %1 (the target must be dismounted to be pointed at the copy)</source>
        <translation>Dismount-Database %1 (die Bereitstellung des Ziels muss aufgehoben sein, damit es auf die Kopie umgestellt werden kann)</translation>
    </message>
    <message>
        <source>The disk of %1 has room for the recovery and the mount</source>
        <translation>Der Datenträger von %1 bietet genügend Platz für die Wiederherstellung und die Bereitstellung</translation>
    </message>
    <message>
        <source>No mail is lost by the activation</source>
        <translation>Durch die Aktivierung geht keine E-Mail verloren</translation>
    </message>
    <message numerus="yes">
        <source>%1 cannot be reached: %n log(s) never copied</source>
        <translation>
            <numerusform>%1 ist nicht erreichbar: %n nie kopiertes Protokoll</numerusform>
            <numerusform>%1 ist nicht erreichbar: %n nie kopierte Protokolle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, at most %n minute(s) of mail. Restore-StorageGroupCopy runs with -Force.</source>
        <translation>
            <numerusform>, E-Mail von höchstens %n Minute. Restore-StorageGroupCopy wird mit -Force ausgeführt.</numerusform>
            <numerusform>, E-Mail von höchstens %n Minuten. Restore-StorageGroupCopy wird mit -Force ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start-Host %1 if it can still be started: the wizard then dismounts its database and copies every log first. Otherwise accept the loss on the summary page.</source>
        <translation>Start-Host %1, falls er sich noch starten lässt: Der Assistent hebt dann zuerst die Bereitstellung seiner Datenbank auf und kopiert jedes Protokoll. Andernfalls akzeptieren Sie den Verlust auf der Seite „Konfigurationszusammenfassung“.</translation>
    </message>
    <message>
        <source>%1 is reachable: it is dismounted first, then every log is copied</source>
        <translation>%1 ist erreichbar: Zuerst wird die Bereitstellung aufgehoben, dann wird jedes Protokoll kopiert</translation>
    </message>
    <message>
        <source>%1 is reachable and dismounted: every log is copied</source>
        <translation>%1 ist erreichbar, und die Bereitstellung ist aufgehoben: Jedes Protokoll wird kopiert</translation>
    </message>
    <message>
        <source>The copy is replicating</source>
        <translation>Die Kopie repliziert</translation>
    </message>
    <message>
        <source>The copy is suspended (Suspend-StorageGroupCopy): it copies no log until it is resumed</source>
        <translation>Die Kopie ist angehalten (Suspend-StorageGroupCopy): Sie kopiert kein Protokoll, bis sie fortgesetzt wird</translation>
    </message>
    <message>
        <source>Nothing to do: Restore-StorageGroupCopy resumes it for its final copy</source>
        <translation>Nichts zu tun: Restore-StorageGroupCopy setzt sie für ihren letzten Kopiervorgang fort</translation>
    </message>
    <message>
        <source>Nothing can be copied any more: the source is down</source>
        <translation>Es kann nichts mehr kopiert werden: Die Quelle ist nicht verfügbar</translation>
    </message>
    <message>
        <source>The copy failed: %1</source>
        <translation>Die Kopie ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Restore-StorageGroupCopy says whether it can still copy the logs</source>
        <translation>Restore-StorageGroupCopy meldet, ob es die Protokolle noch kopieren kann</translation>
    </message>
    <message>
        <source>Dismount the source database %1</source>
        <translation>Bereitstellung der Quelldatenbank %1 aufheben</translation>
    </message>
    <message>
        <source>Activate the copy with the logs it has (Restore-StorageGroupCopy -Force)</source>
        <translation>Kopie mit den vorhandenen Protokollen aktivieren (Restore-StorageGroupCopy -Force)</translation>
    </message>
    <message>
        <source>Bring the copy&apos;s database to Clean Shutdown on %1 (eseutil /r)</source>
        <translation>Datenbank der Kopie auf %1 in den Zustand „Clean Shutdown“ bringen (eseutil /r)</translation>
    </message>
    <message>
        <source>Point %1 at the copy&apos;s logs</source>
        <translation>%1 auf die Protokolle der Kopie umstellen</translation>
    </message>
    <message>
        <source>Point %1 at the copy&apos;s database file</source>
        <translation>%1 auf die Datenbankdatei der Kopie umstellen</translation>
    </message>
    <message>
        <source>Allow the file to be overwritten by a restore (&quot;This database can be overwritten by a restore&quot;)</source>
        <translation>Überschreiben der Datei bei einer Wiederherstellung zulassen („Diese Datenbank kann bei einer Wiederherstellung überschrieben werden“)</translation>
    </message>
    <message>
        <source>Mount %1 on the copy&apos;s files</source>
        <translation>%1 mit den Dateien der Kopie bereitstellen</translation>
    </message>
    <message numerus="yes">
        <source>Rehome the %n user mailbox(es) of %1 (not its system mailboxes)</source>
        <translation>
            <numerusform>%n Benutzerpostfach von %1 neu zuordnen (nicht die Systempostfächer)</numerusform>
            <numerusform>Die %n Benutzerpostfächer von %1 neu zuordnen (nicht die Systempostfächer)</numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Last copied log: none yet (the copy has not inspected any log).</source>
        <translation>Zuletzt kopiertes Protokoll: noch keines (die Kopie hat noch kein Protokoll überprüft).</translation>
    </message>
    <message>
        <source>Last copied log: generation %1, written %2.</source>
        <translation>Zuletzt kopiertes Protokoll: Generation %1, geschrieben %2.</translation>
    </message>
    <message numerus="yes">
        <source>Mail lost if activated now: none. The source is reachable: the wizard dismounts its database first, then Restore-StorageGroupCopy copies the %n log(s) the copy lacks and the open log.</source>
        <translation>
            <numerusform>Bei sofortiger Aktivierung verlorene E-Mail: keine. Die Quelle ist erreichbar: Der Assistent hebt zuerst die Bereitstellung ihrer Datenbank auf, dann kopiert Restore-StorageGroupCopy das %n Protokoll, das der Kopie fehlt, und das offene Protokoll.</numerusform>
            <numerusform>Bei sofortiger Aktivierung verlorene E-Mail: keine. Die Quelle ist erreichbar: Der Assistent hebt zuerst die Bereitstellung ihrer Datenbank auf, dann kopiert Restore-StorageGroupCopy die %n Protokolle, die der Kopie fehlen, und das offene Protokoll.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mail lost if activated now: none. The source is reachable: the wizard dismounts its database first, then Restore-StorageGroupCopy copies its open log (the copy has every closed log).</source>
        <translation>Bei sofortiger Aktivierung verlorene E-Mail: keine. Die Quelle ist erreichbar: Der Assistent hebt zuerst die Bereitstellung ihrer Datenbank auf, dann kopiert Restore-StorageGroupCopy ihr offenes Protokoll (die Kopie hat jedes geschlossene Protokoll).</translation>
    </message>
    <message>
        <source>Mail lost if activated now: none.</source>
        <translation>Bei sofortiger Aktivierung verlorene E-Mail: keine.</translation>
    </message>
    <message>
        <source>generations %1 to %2 and the open log</source>
        <translation>Generationen %1 bis %2 und das offene Protokoll</translation>
    </message>
    <message>
        <source>the open log</source>
        <translation>das offene Protokoll</translation>
    </message>
    <message numerus="yes">
        <source>Mail lost if activated now: %n log(s)</source>
        <translation>
            <numerusform>Bei sofortiger Aktivierung verlorene E-Mail: %n Protokoll</numerusform>
            <numerusform>Bei sofortiger Aktivierung verlorene E-Mail: %n Protokolle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%1), at most %n minute(s) of mail. The source %2 cannot be reached.</source>
        <translation>
            <numerusform> (%1), E-Mail von höchstens %n Minute. Die Quelle %2 ist nicht erreichbar.</numerusform>
            <numerusform> (%1), E-Mail von höchstens %n Minuten. Die Quelle %2 ist nicht erreichbar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay queue now: %n log(s) inspected and not replayed yet (ReplayQueueLength).</source>
        <translation>
            <numerusform>Wiedergabewarteschlange jetzt: %n Protokoll überprüft und noch nicht wiedergegeben (ReplayQueueLength).</numerusform>
            <numerusform>Wiedergabewarteschlange jetzt: %n Protokolle überprüft und noch nicht wiedergegeben (ReplayQueueLength).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replay left at activation: %n log(s) (eseutil /r)</source>
        <translation>
            <numerusform>Bei der Aktivierung verbleibende Wiedergabe: %n Protokoll (eseutil /r)</numerusform>
            <numerusform>Bei der Aktivierung verbleibende Wiedergabe: %n Protokolle (eseutil /r)</numerusform>
        </translation>
    </message>
    <message>
        <source>; duration: not measured yet (this lab has not replayed a log yet).</source>
        <translation>; Dauer: noch nicht gemessen (dieses Labor hat noch kein Protokoll wiedergegeben).</translation>
    </message>
    <message>
        <source>; estimated duration: %1, at the %2 logs/s this lab has measured.</source>
        <translation>; geschätzte Dauer: %1, bei den von diesem Labor gemessenen %2 Protokollen/s.</translation>
    </message>
    <message>
        <source>less than a second</source>
        <translation>weniger als eine Sekunde</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>The wizard was opened on an SCR copy</source>
        <translation>Der Assistent wurde für eine SCR-Kopie geöffnet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no SCR copy</source>
        <translation>„%1“ bezeichnet keine SCR-Kopie</translation>
    </message>
    <message>
        <source>Select an SCR copy in the console tree and choose its Activate action</source>
        <translation>Wählen Sie in der Konsolenstruktur eine SCR-Kopie aus, und wählen Sie deren Aktion „… per Datenbankportabilität aktivieren“</translation>
    </message>
    <message>
        <source>The SCR copy of %1 on %2 can be activated</source>
        <translation>Die SCR-Kopie von %1 auf %2 kann aktiviert werden</translation>
    </message>
    <message>
        <source>%1 can be recovered on %2</source>
        <translation>%1 kann auf %2 wiederhergestellt werden</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Fertig stellen</translation>
    </message>
</context>
<context>
    <name>scr::ActionPane</name>
    <message>
        <source>Select a server, a storage group, a database or an SCR copy in the console tree to see what can be done with it.</source>
        <translation>Wählen Sie einen Server, eine Speichergruppe, eine Datenbank oder eine SCR-Kopie in der Konsolenstruktur aus, um zu sehen, welche Aktionen dafür möglich sind.</translation>
    </message>
</context>
<context>
    <name>scr::AlertDelegate</name>
    <message>
        <source>Threshold crossed: %1</source>
        <translation>Schwellenwert überschritten: %1</translation>
    </message>
</context>
<context>
    <name>scr::ConsoleKeys</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>Next Pane</source>
        <translation>Nächster Bereich</translation>
    </message>
    <message>
        <source>Previous Pane</source>
        <translation>Vorheriger Bereich</translation>
    </message>
</context>
<context>
    <name>scr::ConsoleMenus</name>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Aktion</translation>
    </message>
    <message>
        <source>Select an item in the console tree</source>
        <translation>Wählen Sie ein Element in der Konsolenstruktur aus</translation>
    </message>
    <message>
        <source>&amp;Simulation</source>
        <translation>&amp;Simulation</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Demo Lab...</source>
        <translation>&amp;Neues Demolabor...</translation>
    </message>
    <message>
        <source>&amp;Open Lab...</source>
        <translation>Labor ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;Recent Labs</source>
        <translation>&amp;Zuletzt geöffnete Labore</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>Help on the &amp;Selected Pane</source>
        <translation>Hilfe zum &amp;ausgewählten Bereich</translation>
    </message>
    <message>
        <source>&amp;About SCR Console</source>
        <translation>&amp;Info über SCR Console</translation>
    </message>
    <message>
        <source>About SCR Console</source>
        <translation>Info über SCR Console</translation>
    </message>
    <message>
        <source>SCR Console %1: a console for Exchange Server 2007 SP1&apos;s Standby Continuous Replication, on a lab of simulated servers.</source>
        <translation>SCR Console %1: eine Konsole für die fortlaufende Standbyreplikation (SCR) von Exchange Server 2007 SP1, in einem Labor aus simulierten Servern.</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulation</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <source>How fast the virtual clock runs</source>
        <translation>Wie schnell die virtuelle Uhr läuft</translation>
    </message>
    <message>
        <source> Speed: </source>
        <translation> Geschwindigkeit: </translation>
    </message>
    <message>
        <source>   Virtual time: </source>
        <translation>   Virtuelle Zeit: </translation>
    </message>
    <message>
        <source>No labs opened yet</source>
        <translation>Noch keine Labore geöffnet</translation>
    </message>
    <message>
        <source>Open Lab</source>
        <translation>Labor öffnen</translation>
    </message>
    <message>
        <source>New Demo Lab: a new or empty folder</source>
        <translation>Neues Demolabor: ein neuer oder leerer Ordner</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <source>&amp;Pause the simulation</source>
        <translation>Simulation &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Run the simulation</source>
        <translation>Simulation &amp;starten</translation>
    </message>
    <message>
        <source>The simulation runs: pause it (Ctrl+R)</source>
        <translation>Die Simulation läuft: anhalten (Strg+R)</translation>
    </message>
    <message>
        <source>The simulation is paused: run it (Ctrl+R)</source>
        <translation>Die Simulation ist angehalten: starten (Strg+R)</translation>
    </message>
    <message>
        <source> achieved —</source>
        <translation> erreicht —</translation>
    </message>
    <message>
        <source>The speed the simulation achieves shows here while it runs</source>
        <translation>Hier wird die von der Simulation erreichte Geschwindigkeit angezeigt, während sie läuft</translation>
    </message>
    <message>
        <source> achieved %1x</source>
        <translation> erreicht %1x</translation>
    </message>
    <message>
        <source>This machine cannot run the lab at %1x: it runs at %2x</source>
        <translation>Dieser Computer kann das Labor nicht mit %1x ausführen: Es läuft mit %2x</translation>
    </message>
    <message>
        <source>The simulation keeps up with %1x</source>
        <translation>Die Simulation hält %1x</translation>
    </message>
</context>
<context>
    <name>scr::ConsoleTree</name>
    <message>
        <source>Console tree</source>
        <translation>Konsolenstruktur</translation>
    </message>
    <message>
        <source>The organization: servers, storage groups, databases and SCR copies</source>
        <translation>Die Organisation: Server, Speichergruppen, Datenbanken und SCR-Kopien</translation>
    </message>
</context>
<context>
    <name>scr::ConsoleWindow</name>
    <message>
        <source>SCR Console</source>
        <translation>SCR Console</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Event Viewer</source>
        <translation>Ereignisanzeige</translation>
    </message>
    <message>
        <source>Queue Chart</source>
        <translation>Warteschlangendiagramm</translation>
    </message>
    <message>
        <source>Replication Dashboard</source>
        <translation>Replikationsdashboard</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Nothing to remove: select an SCR copy, a database or a storage group.</source>
        <translation>Nichts zu entfernen: Wählen Sie eine SCR-Kopie, eine Datenbank oder eine Speichergruppe aus.</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>%1 wird geöffnet...</translation>
    </message>
    <message>
        <source>Making the demo lab in %1 (servers, storage groups, databases, mailboxes)...</source>
        <translation>Das Demolabor wird in %1 erstellt (Server, Speichergruppen, Datenbanken, Postfächer)...</translation>
    </message>
    <message>
        <source>The lab was not opened; the open lab stays.
%1</source>
        <translation>Das Labor wurde nicht geöffnet; das geöffnete Labor bleibt.
%1</translation>
    </message>
    <message>
        <source>The lab could not be opened:
%1</source>
        <translation>Das Labor konnte nicht geöffnet werden:
%1</translation>
    </message>
    <message>
        <source>Lab opened. Select a storage group to enable SCR, or a copy to watch it.</source>
        <translation>Labor geöffnet. Wählen Sie eine Speichergruppe aus, um SCR zu aktivieren, oder eine Kopie, um sie zu beobachten.</translation>
    </message>
    <message>
        <source>SCR Console - %1</source>
        <translation>SCR Console - %1</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Wird ausgeführt: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>The command: %1</source>
        <translation>Der Befehl: %1</translation>
    </message>
    <message>
        <source>Refreshing...</source>
        <translation>Wird aktualisiert...</translation>
    </message>
</context>
<context>
    <name>scr::CopyKey</name>
    <message>
        <source>%1 on %2</source>
        <extracomment>An SCR copy as the console names it: its storage group on its standby machine (&quot;MBX1\SG1 on MBX3&quot;)</extracomment>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>scr::CopyProperties</name>
    <message>
        <source>Generated:</source>
        <translation>Erstellt:</translation>
    </message>
    <message>
        <source>Copy notified:</source>
        <translation>Kopie benachrichtigt:</translation>
    </message>
    <message>
        <source>Copied:</source>
        <translation>Kopiert:</translation>
    </message>
    <message>
        <source>Inspected:</source>
        <translation>Überprüft:</translation>
    </message>
    <message>
        <source>Replayed:</source>
        <translation>Wiedergegeben:</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Storage group:</source>
        <translation>Speichergruppe:</translation>
    </message>
    <message>
        <source>Standby machine:</source>
        <translation>Standbycomputer:</translation>
    </message>
    <message>
        <source>Summary copy status:</source>
        <translation>Zusammenfassender Kopierstatus:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Failed message:</source>
        <translation>Fehlermeldung:</translation>
    </message>
    <message>
        <source>Seeding:</source>
        <translation>Seeding:</translation>
    </message>
    <message>
        <source>Suspended:</source>
        <translation>Angehalten:</translation>
    </message>
    <message>
        <source>Suspend comment:</source>
        <translation>Kommentar zum Anhalten:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Hinweis:</translation>
    </message>
    <message>
        <source>Queues and lags</source>
        <translation>Warteschlangen und Verzögerungen</translation>
    </message>
    <message>
        <source>Copy queue length:</source>
        <translation>Länge der Kopierwarteschlange:</translation>
    </message>
    <message>
        <source>Replay queue length:</source>
        <translation>Länge der Wiedergabewarteschlange:</translation>
    </message>
    <message>
        <source>Replay lag time:</source>
        <translation>Verzögerungszeit für die Wiedergabe:</translation>
    </message>
    <message>
        <source>Truncation lag time:</source>
        <translation>Verzögerungszeit für das Abschneiden:</translation>
    </message>
    <message>
        <source>Latest full backup:</source>
        <translation>Letzte Vollsicherung:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>&lt;b&gt;Log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Protokoll&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generation&lt;/b&gt;</source>
        <translation>&lt;b&gt;Generation&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Time (age on the lab&apos;s clock)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zeit (Alter nach der Uhr des Labors)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Last inspected log age:</source>
        <translation>Alter des zuletzt überprüften Protokolls:</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>%1 in Get-StorageGroupCopyStatus</source>
        <translation>%1 in Get-StorageGroupCopyStatus</translation>
    </message>
    <message>
        <source>The SCR copy %1 is gone (disabled, or its storage group removed). The values shown are the last it had.</source>
        <translation>Die SCR-Kopie %1 ist nicht mehr vorhanden (deaktiviert, oder ihre Speichergruppe wurde entfernt). Angezeigt werden ihre letzten Werte.</translation>
    </message>
</context>
<context>
    <name>scr::DashboardCellDelegate</name>
    <message>
        <source>Copy %1 · Replay %2 logs</source>
        <translation>Kopieren %L1 · Wiedergabe %L2 Protokolle</translation>
    </message>
</context>
<context>
    <name>scr::DatabaseListModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Storage Group</source>
        <translation>Speichergruppe</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
</context>
<context>
    <name>scr::DatabaseProperties</name>
    <message>
        <source>Do &amp;not mount this database at start-up</source>
        <translation>Diese Datenbank beim Start &amp;nicht bereitstellen</translation>
    </message>
    <message>
        <source>This database can be &amp;overwritten by a restore</source>
        <translation>Diese Datenbank kann bei einer Wiederherstellung &amp;überschrieben werden</translation>
    </message>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Datenbank:</translation>
    </message>
    <message>
        <source>Storage group:</source>
        <translation>Speichergruppe:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Database path:</source>
        <translation>Datenbankpfad:</translation>
    </message>
    <message>
        <source>Log path:</source>
        <translation>Protokollpfad:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Last full backup:</source>
        <translation>Letzte Vollsicherung:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Mailboxes:</source>
        <translation>Postfächer:</translation>
    </message>
    <message>
        <source>GUID:</source>
        <translation>GUID:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Dismounted</source>
        <translation>Bereitstellung aufgehoben</translation>
    </message>
    <message>
        <source>Failed to mount: %1</source>
        <translation>Bereitstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>The database %1 is gone. The values shown are the last it had.</source>
        <translation>Die Datenbank %1 ist nicht mehr vorhanden. Angezeigt werden ihre letzten Werte.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Do not mount this database at start-up&lt;/b&gt; (MountAtStartup off): when the lab opens or the server starts, the database stays dismounted until Mount-Database. Set it while the database is repaired or restored.</source>
        <translation>&lt;b&gt;Diese Datenbank beim Start nicht bereitstellen&lt;/b&gt; (MountAtStartup aus): Wenn das Labor geöffnet oder der Server gestartet wird, bleibt die Bereitstellung der Datenbank aufgehoben, bis Mount-Database ausgeführt wird. Aktivieren Sie diese Option, während die Datenbank repariert oder wiederhergestellt wird.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This database can be overwritten by a restore&lt;/b&gt; (AllowFileRestore): the store mounts a file at the database&apos;s path even when it is not the file this database was created with (its GUID differs), and takes it over. Database portability needs it: the target database is pointed at the SCR copy&apos;s files, which belong to the source database. Without it Mount-Database refuses such a file (-1216). Leave it off otherwise: it protects a database from being mounted on the wrong file.</source>
        <translation>&lt;b&gt;Diese Datenbank kann bei einer Wiederherstellung überschrieben werden&lt;/b&gt; (AllowFileRestore): Der Informationsspeicher stellt eine Datei im Pfad der Datenbank auch dann bereit, wenn es nicht die Datei ist, mit der diese Datenbank erstellt wurde (ihre GUID weicht ab), und übernimmt sie. Die Datenbankportabilität setzt diese Option voraus: Die Zieldatenbank wird auf die Dateien der SCR-Kopie umgestellt, die zur Quelldatenbank gehören. Ohne die Option weist Mount-Database eine solche Datei zurück (-1216). Lassen Sie sie ansonsten deaktiviert: Sie schützt eine Datenbank davor, mit der falschen Datei bereitgestellt zu werden.</translation>
    </message>
</context>
<context>
    <name>scr::EnableCopyWizard</name>
    <message>
        <source>Enable Storage Group Copy</source>
        <translation>Speichergruppenkopie aktivieren</translation>
    </message>
    <message>
        <source>This wizard enables Standby Continuous Replication (SCR) for %1: the storage group&apos;s transaction logs are shipped to a standby machine, inspected there, and replayed into a copy of its database after the replay lag you choose.

If the source no longer holds its first logs (a backup truncated them), the new copy is seeded from the mounted database (Update-StorageGroupCopy).</source>
        <translation>Dieser Assistent aktiviert die fortlaufende Standbyreplikation (SCR) für %1: Die Transaktionsprotokolle der Speichergruppe werden an einen Standbycomputer übertragen, dort überprüft und nach der von Ihnen gewählten Wiedergabeverzögerung in eine Kopie ihrer Datenbank wiedergegeben.

Wenn die Quelle ihre ersten Protokolle nicht mehr enthält (eine Sicherung hat sie abgeschnitten), wird für die neue Kopie ein Seeding aus der bereitgestellten Datenbank durchgeführt (Update-StorageGroupCopy).</translation>
    </message>
    <message>
        <source>Standby Machine</source>
        <translation>Standbycomputer</translation>
    </message>
    <message>
        <source>Choose the server that will hold the SCR copy of %1.</source>
        <translation>Wählen Sie den Server, der die SCR-Kopie von %1 enthalten soll.</translation>
    </message>
    <message>
        <source>Standby machines</source>
        <translation>Standbycomputer</translation>
    </message>
    <message>
        <source>Every server of the organization, whether it can take the copy, and why not</source>
        <translation>Jeder Server der Organisation, ob er die Kopie aufnehmen kann, und warum nicht</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Can take the copy</source>
        <translation>Kann die Kopie aufnehmen</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>Asking the lab which servers can take the copy...</source>
        <translation>Das Labor wird gefragt, welche Server die Kopie aufnehmen können...</translation>
    </message>
    <message>
        <source>&amp;Standby machines:</source>
        <translation>Standby&amp;computer:</translation>
    </message>
    <message>
        <source>%1 cannot take the copy: %2</source>
        <translation>%1 kann die Kopie nicht aufnehmen: %2</translation>
    </message>
    <message>
        <source>%1 can take the copy.</source>
        <translation>%1 kann die Kopie aufnehmen.</translation>
    </message>
    <message>
        <source>%1 can take the copy; %2</source>
        <translation>%1 kann die Kopie aufnehmen; %2</translation>
    </message>
    <message>
        <source>Lag Times</source>
        <translation>Verzögerungszeiten</translation>
    </message>
    <message>
        <source>How long the standby machine waits before it replays a log into the copy, and before it deletes a replayed log.</source>
        <translation>Wie lange der Standbycomputer wartet, bevor er ein Protokoll in die Kopie wiedergibt und bevor er ein wiedergegebenes Protokoll löscht.</translation>
    </message>
    <message>
        <source>ReplayLagTime</source>
        <translation>ReplayLagTime</translation>
    </message>
    <message>
        <source>TruncationLagTime</source>
        <translation>TruncationLagTime</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>&amp;ReplayLagTime:</source>
        <translation>&amp;ReplayLagTime:</translation>
    </message>
    <message>
        <source>&amp;TruncationLagTime:</source>
        <translation>&amp;TruncationLagTime:</translation>
    </message>
    <message>
        <source>&lt;b&gt;ReplayLagTime&lt;/b&gt;: how long a log waits on the standby machine before it is replayed into the copy (0 to 7 days; Exchange&apos;s default is 1 day). A lag keeps the copy behind the source, so that a logical corruption can be stopped before it reaches the copy; it lengthens activation, since the lagged logs are replayed then.</source>
        <translation>&lt;b&gt;ReplayLagTime&lt;/b&gt;: wie lange ein Protokoll auf dem Standbycomputer wartet, bevor es in die Kopie wiedergegeben wird (0 bis 7 Tage; Standardwert von Exchange: 1 Tag). Eine Verzögerung hält die Kopie hinter der Quelle zurück, sodass eine logische Beschädigung aufgehalten werden kann, bevor sie die Kopie erreicht; sie verlängert die Aktivierung, weil die verzögerten Protokolle dann wiedergegeben werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;TruncationLagTime&lt;/b&gt;: how long a replayed log is kept on the standby machine before it is deleted (0 to 7 days).</source>
        <translation>&lt;b&gt;TruncationLagTime&lt;/b&gt;: wie lange ein wiedergegebenes Protokoll auf dem Standbycomputer aufbewahrt wird, bevor es gelöscht wird (0 bis 7 Tage).</translation>
    </message>
    <message>
        <source>ReplayLagTime %1, TruncationLagTime %2.</source>
        <translation>ReplayLagTime %1, TruncationLagTime %2.</translation>
    </message>
    <message>
        <source>already holds the copy of %1 (skipped)</source>
        <translation>enthält bereits die Kopie von %1 (übersprungen)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No server can take the copy now: each one&apos;s reason is listed. Fix one (Start-Host, Disable-StorageGroupCopy...) and open the wizard again.</source>
        <translation>Zurzeit kann kein Server die Kopie aufnehmen: Der Grund wird für jeden aufgeführt. Beheben Sie einen (Start-Host, Disable-StorageGroupCopy...) und öffnen Sie den Assistenten erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n server(s) can take the copy.</source>
        <translation>
            <numerusform>%n Server kann die Kopie aufnehmen.</numerusform>
            <numerusform>%n Server können die Kopie aufnehmen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The copies start with their first closed log: each shows Initializing, then Healthy once a log is inspected. Watch them in the Replication Health dashboard, or with Get-StorageGroupCopyStatus.</source>
        <translation>Die Kopien beginnen mit ihrem ersten geschlossenen Protokoll: Jede zeigt zunächst „Initializing“ und dann „Healthy“, sobald ein Protokoll überprüft wurde. Beobachten Sie sie im Replikationsdashboard oder mit Get-StorageGroupCopyStatus.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> Tag</numerusform>
            <numerusform> Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> hour(s)</source>
        <translation>
            <numerusform> Stunde</numerusform>
            <numerusform> Stunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> minute(s)</source>
        <translation>
            <numerusform> Minute</numerusform>
            <numerusform> Minuten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>scr::EventLogModel</name>
    <message>
        <source>Level</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Date and Time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Event ID</source>
        <translation>Ereignis-ID</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>scr::EventViewer</name>
    <message>
        <source>Filter by text or event ID</source>
        <translation>Nach Text oder Ereignis-ID filtern</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>Alle Ebenen</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
</context>
<context>
    <name>scr::HelpBrowser</name>
    <message>
        <source>SCR Console Help</source>
        <translation>Hilfe zu SCR Console</translation>
    </message>
    <message>
        <source>Help sections</source>
        <translation>Hilfeabschnitte</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Hilfetext</translation>
    </message>
</context>
<context>
    <name>scr::MailFlowDialog</name>
    <message>
        <source>Start Mail Flow to %1</source>
        <translation>Nachrichtenfluss zu %1 starten</translation>
    </message>
    <message>
        <source> messages a minute</source>
        <translation> Nachrichten pro Minute</translation>
    </message>
    <message>
        <source>Messages a minute</source>
        <translation>Nachrichten pro Minute</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>Message size in KB</source>
        <translation>Nachrichtengröße in KB</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>Message &amp;size:</source>
        <translation>Nachrichten&amp;größe:</translation>
    </message>
    <message>
        <source>Mail is delivered to the user mailboxes of %1 on the virtual clock; each message is written to the database&apos;s transaction logs, which SCR ships to its copies.</source>
        <translation>E-Mail wird nach der virtuellen Uhr an die Benutzerpostfächer von %1 zugestellt; jede Nachricht wird in die Transaktionsprotokolle der Datenbank geschrieben, die SCR an ihre Kopien überträgt.</translation>
    </message>
    <message>
        <source>About %1 transaction logs a virtual hour.</source>
        <translation>Etwa %L1 Transaktionsprotokolle pro virtueller Stunde.</translation>
    </message>
</context>
<context>
    <name>scr::MailboxModel</name>
    <message>
        <source>Display Name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Recipient Type Details</source>
        <translation>Empfängertypdetails</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
</context>
<context>
    <name>scr::OrganizationModel</name>
    <message>
        <source>Running on %1</source>
        <translation>Wird auf %1 ausgeführt</translation>
    </message>
    <message>
        <source>%1 is powered off</source>
        <translation>%1 ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Not replicated</source>
        <translation>Nicht repliziert</translation>
    </message>
    <message>
        <source>SCR: 1 copy</source>
        <translation>SCR: 1 Kopie</translation>
    </message>
    <message>
        <source>SCR: %1 copies</source>
        <translation>SCR: %1 Kopien</translation>
    </message>
    <message>
        <source>Mounted</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Failed to mount: %1</source>
        <translation>Bereitstellung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Dismounted</source>
        <translation>Bereitstellung aufgehoben</translation>
    </message>
    <message>
        <source>SCR copy %1</source>
        <translation>SCR-Kopie %1</translation>
    </message>
    <message>
        <source>SCR copy on %1</source>
        <translation>SCR-Kopie auf %1</translation>
    </message>
    <message>
        <source>SCR copies held</source>
        <translation>Enthaltene SCR-Kopien</translation>
    </message>
    <message>
        <source>SCR copies held by %1</source>
        <translation>Von %1 enthaltene SCR-Kopien</translation>
    </message>
    <message>
        <source>1 copy</source>
        <translation>1 Kopie</translation>
    </message>
    <message>
        <source>%1 copies</source>
        <translation>%1 Kopien</translation>
    </message>
    <message>
        <source>Copy of %1</source>
        <translation>Kopie von %1</translation>
    </message>
    <message>
        <source>Organization %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <source>Organization Configuration</source>
        <translation>Organisationskonfiguration</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>1 mailbox database</source>
        <translation>1 Postfachdatenbank</translation>
    </message>
    <message>
        <source>%1 mailbox databases</source>
        <translation>%L1 Postfachdatenbanken</translation>
    </message>
    <message>
        <source>Server Configuration</source>
        <translation>Serverkonfiguration</translation>
    </message>
    <message>
        <source>1 server</source>
        <translation>1 Server</translation>
    </message>
    <message>
        <source>%1 servers</source>
        <translation>%1 Server</translation>
    </message>
    <message>
        <source>Recipient Configuration</source>
        <translation>Empfängerkonfiguration</translation>
    </message>
    <message>
        <source>1 mailbox</source>
        <translation>1 Postfach</translation>
    </message>
    <message>
        <source>%1 mailboxes</source>
        <translation>%L1 Postfächer</translation>
    </message>
    <message>
        <source>Toolbox</source>
        <translation>Toolbox</translation>
    </message>
    <message>
        <source>Event Viewer</source>
        <translation>Ereignisanzeige</translation>
    </message>
    <message>
        <source>Replication Dashboard</source>
        <translation>Replikationsdashboard</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>scr::PortabilityWizard</name>
    <message>
        <source>Activate by Database Portability</source>
        <translation>Aktivierung per Datenbankportabilität</translation>
    </message>
    <message>
        <source>This wizard activates the SCR copy of %1 on %2 by database portability: the copy&apos;s database is mounted on %2 under the target storage group and database made by Prepare SCR Target, and the users&apos; mailboxes are rehomed to it.

Before anything runs, the next page shows how much mail would be lost if the copy were activated now and how long the replay of its logs will take, and the mailboxes that will be rehomed. The pre-flight checks and the summary of every command follow; nothing changes until you click Activate.</source>
        <translation>Dieser Assistent aktiviert die SCR-Kopie von %1 auf %2 per Datenbankportabilität: Die Datenbank der Kopie wird auf %2 unter der Zielspeichergruppe und der Zieldatenbank bereitgestellt, die „SCR-Ziel vorbereiten“ erstellt hat, und die Postfächer der Benutzer werden ihr neu zugeordnet.

Bevor etwas ausgeführt wird, zeigt die nächste Seite, wie viel E-Mail verloren ginge, wenn die Kopie jetzt aktiviert würde, wie lange die Wiedergabe ihrer Protokolle dauern wird und welche Postfächer neu zugeordnet werden. Danach folgen die Vorabprüfungen und die Zusammenfassung aller Befehle; es wird nichts geändert, bevor Sie auf „Aktivieren“ klicken.</translation>
    </message>
    <message>
        <source>a storage group</source>
        <translation>einer Speichergruppe</translation>
    </message>
    <message>
        <source>its standby machine</source>
        <translation>ihrem Standbycomputer</translation>
    </message>
    <message>
        <source>Activate by Database Portability - %1</source>
        <translation>Aktivierung per Datenbankportabilität - %1</translation>
    </message>
    <message>
        <source>Accept the loss of mail</source>
        <translation>Verlust von E-Mail akzeptieren</translation>
    </message>
    <message>
        <source>Recovery Point and Mailboxes</source>
        <translation>Wiederherstellungspunkt und Postfächer</translation>
    </message>
    <message>
        <source>What activating %1 on %2 now would lose, the replay left, and the mailboxes that move. Read-only: nothing has been changed.</source>
        <translation>Was eine sofortige Aktivierung von %1 auf %2 verlieren würde, die verbleibende Wiedergabe und die Postfächer, die neu zugeordnet werden. Schreibgeschützt: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Reading the copy&apos;s state...</source>
        <translation>Der Zustand der Kopie wird gelesen...</translation>
    </message>
    <message>
        <source>Recovery point preview</source>
        <translation>Vorschau des Wiederherstellungspunkts</translation>
    </message>
    <message>
        <source>Mailboxes to rehome</source>
        <translation>Neu zuzuordnende Postfächer</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reads the copy&apos;s state again</source>
        <translation>Liest den Zustand der Kopie erneut</translation>
    </message>
    <message>
        <source>&amp;Mailboxes of the source database:</source>
        <translation>&amp;Postfächer der Quelldatenbank:</translation>
    </message>
    <message>
        <source>The copy&apos;s state cannot be read: %1</source>
        <translation>Der Zustand der Kopie kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The copy was already activated (Restore-StorageGroupCopy ran): no more logs can be copied and nothing more is lost. The wizard goes on from there.</source>
        <translation>Die Kopie wurde bereits aktiviert (Restore-StorageGroupCopy wurde ausgeführt): Es können keine weiteren Protokolle kopiert werden, und es geht nichts mehr verloren. Der Assistent setzt dort fort.</translation>
    </message>
    <message>
        <source>eseutil /r will run on %1: %2.</source>
        <translation>eseutil /r wird auf %1 ausgeführt: %2.</translation>
    </message>
    <message>
        <source>eseutil /r is not needed: %1.</source>
        <translation>eseutil /r ist nicht erforderlich: %1.</translation>
    </message>
    <message>
        <source>Rehomed to %1</source>
        <translation>Neu zugeordnet zu %1</translation>
    </message>
    <message>
        <source>Excluded: a system mailbox, it stays with %1</source>
        <translation>Ausgeschlossen: ein Systempostfach, es verbleibt bei %1</translation>
    </message>
    <message>
        <source>(no user mailbox left on %1)</source>
        <translation>(kein Benutzerpostfach mehr auf %1)</translation>
    </message>
    <message>
        <source>Why &quot;This database can be overwritten by a restore&quot; (-AllowFileRestore) is set: %1</source>
        <translation>Warum „Diese Datenbank kann bei einer Wiederherstellung überschrieben werden“ (-AllowFileRestore) gesetzt wird: %1</translation>
    </message>
    <message numerus="yes">
        <source>I accept the loss of %n log(s)</source>
        <translation>
            <numerusform>Ich akzeptiere den Verlust von %n Protokoll</numerusform>
            <numerusform>Ich akzeptiere den Verlust von %n Protokollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n minute(s) of mail)</source>
        <translation>
            <numerusform> (E-Mail von %n Minute)</numerusform>
            <numerusform> (E-Mail von %n Minuten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore-StorageGroupCopy reported: %1</source>
        <translation>Restore-StorageGroupCopy meldete: %1</translation>
    </message>
    <message>
        <source>Outlook clients: Outlook 2007 finds the mailboxes&apos; new server %1 by Autodiscover. Outlook 2003 does not use Autodiscover: each Outlook 2003 profile must be updated to point at %1 (by hand, or with the Exchange Profile Update tool) before its user starts Outlook again.</source>
        <translation>Outlook-Clients: Outlook 2007 findet den neuen Server %1 der Postfächer per AutoErmittlung (Autodiscover). Outlook 2003 verwendet keine AutoErmittlung: Jedes Outlook 2003-Profil muss so aktualisiert werden, dass es auf %1 verweist (manuell oder mit dem Exchange Profile Update-Tool), bevor sein Benutzer Outlook wieder startet.</translation>
    </message>
    <message>
        <source>&amp;Enable SCR for the activated storage group %1...</source>
        <translation>SCR für die aktivierte Speichergruppe %1 &amp;aktivieren...</translation>
    </message>
    <message>
        <source>Opens the Enable Storage Group Copy wizard for %1: it is not protected by SCR until then</source>
        <translation>Öffnet den Assistenten „Speichergruppenkopie aktivieren“ für %1: Bis dahin ist sie nicht durch SCR geschützt</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
</context>
<context>
    <name>scr::PrepareTargetWizard</name>
    <message>
        <source>Will be made</source>
        <translation>Wird erstellt</translation>
    </message>
    <message>
        <source>Partly made: the steps left will run</source>
        <translation>Teilweise erstellt: Die verbleibenden Schritte werden ausgeführt</translation>
    </message>
    <message>
        <source>Exists: skipped</source>
        <translation>Vorhanden: übersprungen</translation>
    </message>
    <message>
        <source>Exists, activated: skipped</source>
        <translation>Vorhanden, aktiviert: übersprungen</translation>
    </message>
    <message>
        <source>Name taken: %1</source>
        <translation>Name vergeben: %1</translation>
    </message>
    <message>
        <source>Unknown: %1 is powered off</source>
        <translation>Unbekannt: %1 ist ausgeschaltet</translation>
    </message>
    <message>
        <source>Prepare SCR Target</source>
        <translation>SCR-Ziel vorbereiten</translation>
    </message>
    <message>
        <source>This wizard prepares the standby machine %1 for an activation by database portability (part 2 of the SCR runbook).

For every storage group copied to %1 it makes a storage group &lt;SG&gt;Target and a mailbox database &lt;DB&gt;Target at a temporary path (C:\Temp\&lt;SG&gt;Target), mounts the database once so that the store makes it, dismounts it, and deletes the temporary files. When a copy is activated, these objects are pointed at the copy&apos;s files (Move-StorageGroupPath and Move-DatabasePath -ConfigurationOnly) and mounted.

What exists already is shown and skipped: running the wizard again only does what is left. Nothing is changed before the Configuration Summary&apos;s Prepare button.</source>
        <translation>Dieser Assistent bereitet den Standbycomputer %1 auf eine Aktivierung per Datenbankportabilität vor (Teil 2 des SCR-Runbooks).

Für jede nach %1 kopierte Speichergruppe erstellt er eine Speichergruppe &lt;SG&gt;Target und eine Postfachdatenbank &lt;DB&gt;Target in einem temporären Pfad (C:\Temp\&lt;SG&gt;Target), stellt die Datenbank einmal bereit, damit der Informationsspeicher sie anlegt, hebt die Bereitstellung auf und löscht die temporären Dateien. Wird eine Kopie aktiviert, werden diese Objekte auf die Dateien der Kopie umgestellt (Move-StorageGroupPath und Move-DatabasePath -ConfigurationOnly) und bereitgestellt.

Bereits Vorhandenes wird angezeigt und übersprungen: Ein erneuter Durchlauf des Assistenten erledigt nur, was noch fehlt. Vor der Schaltfläche „Vorbereiten“ der Konfigurationszusammenfassung wird nichts geändert.</translation>
    </message>
    <message>
        <source>Prepare SCR Target on %1</source>
        <translation>SCR-Ziel auf %1 vorbereiten</translation>
    </message>
    <message>
        <source>Storage Group Copies</source>
        <translation>Speichergruppenkopien</translation>
    </message>
    <message>
        <source>The storage groups copied to %1 and their target objects. Clear a storage group to leave its target as it is.</source>
        <translation>Die nach %1 kopierten Speichergruppen und ihre Zielobjekte. Deaktivieren Sie eine Speichergruppe, um ihr Ziel unverändert zu lassen.</translation>
    </message>
    <message>
        <source>&amp;Target objects to prepare (Space checks or clears the selected one):</source>
        <translation>&amp;Vorzubereitende Zielobjekte (die Leertaste aktiviert oder deaktiviert das ausgewählte):</translation>
    </message>
    <message>
        <source>Storage groups copied to %1 and their targets</source>
        <translation>Nach %1 kopierte Speichergruppen und ihre Ziele</translation>
    </message>
    <message>
        <source>Each row: the copied storage group (checked: prepare its target), the target storage group, database and temporary path, and what exists of them</source>
        <translation>Jede Zeile: die kopierte Speichergruppe (aktiviert: ihr Ziel vorbereiten), Zielspeichergruppe, Zieldatenbank und temporärer Pfad sowie was davon vorhanden ist</translation>
    </message>
    <message>
        <source>Copied storage group</source>
        <translation>Kopierte Speichergruppe</translation>
    </message>
    <message>
        <source>Target storage group</source>
        <translation>Zielspeichergruppe</translation>
    </message>
    <message>
        <source>Target database</source>
        <translation>Zieldatenbank</translation>
    </message>
    <message>
        <source>Temporary path</source>
        <translation>Temporärer Pfad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Reads again what exists on %1</source>
        <translation>Liest erneut, was auf %1 vorhanden ist</translation>
    </message>
    <message>
        <source>Reading what exists on %1...</source>
        <translation>Es wird gelesen, was auf %1 vorhanden ist...</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>No storage group is copied to %1: there is no target to prepare. Enable a copy first (Enable Storage Group Copy).</source>
        <translation>Keine Speichergruppe wird nach %1 kopiert: Es gibt kein Ziel vorzubereiten. Aktivieren Sie zuerst eine Kopie (Speichergruppenkopie aktivieren).</translation>
    </message>
    <message>
        <source>Nothing to do: the target objects of every storage group copied to %1 exist already.</source>
        <translation>Nichts zu tun: Die Zielobjekte aller nach %1 kopierten Speichergruppen sind bereits vorhanden.</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) to prepare; %1 done already.</source>
        <translation>
            <numerusform>%n Ziel vorzubereiten; %1 bereits erledigt.</numerusform>
            <numerusform>%n Ziele vorzubereiten; %1 bereits erledigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 is ready for database portability (made, mounted once, dismounted; the temporary files %3 deleted).</source>
        <translation>%1: %2 ist bereit für die Datenbankportabilität (erstellt, einmal bereitgestellt, Bereitstellung aufgehoben; die temporären Dateien %3 gelöscht).</translation>
    </message>
    <message>
        <source>%1: %2 is not finished; what was made stays, and running the wizard again does what is left.</source>
        <translation>%1: %2 ist nicht fertig; was erstellt wurde, bleibt erhalten, und ein erneuter Durchlauf des Assistenten erledigt den Rest.</translation>
    </message>
    <message>
        <source>Nothing that was made is lost. Fix what the failed step says, then run Prepare SCR Target on %1 again: it skips what exists.</source>
        <translation>Nichts Erstelltes geht verloren. Beheben Sie, was der fehlgeschlagene Schritt meldet, und führen Sie „SCR-Ziel vorbereiten“ auf %1 erneut aus: Vorhandenes wird übersprungen.</translation>
    </message>
    <message>
        <source>What was prepared</source>
        <translation>Was vorbereitet wurde</translation>
    </message>
    <message>
        <source>&amp;Prepare</source>
        <translation>&amp;Vorbereiten</translation>
    </message>
</context>
<context>
    <name>scr::PropertySheet</name>
    <message>
        <source>ahead of the clock</source>
        <translation>vor der Uhr</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min ago</source>
        <translation>vor %1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h ago</source>
        <translation>vor %1 d %2 h</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>scr::QueueChart</name>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>How much virtual time the chart shows</source>
        <translation>Wie viel virtuelle Zeit das Diagramm zeigt</translation>
    </message>
    <message>
        <source>Virtual time (UTC)</source>
        <translation>Virtuelle Zeit (UTC)</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>CopyQueueLength threshold (%1 logs)</source>
        <translation>Schwellenwert für CopyQueueLength (%L1 Protokolle)</translation>
    </message>
    <message>
        <source>CopyQueueLength</source>
        <translation>CopyQueueLength</translation>
    </message>
    <message>
        <source>ReplayQueueLength</source>
        <translation>ReplayQueueLength</translation>
    </message>
    <message>
        <source>Select an SCR copy to chart its queues</source>
        <translation>Wählen Sie eine SCR-Kopie aus, um ihre Warteschlangen darzustellen</translation>
    </message>
    <message>
        <source>Queues of the SCR copy of %1 (virtual time, UTC)</source>
        <translation>Warteschlangen der SCR-Kopie von %1 (virtuelle Zeit, UTC)</translation>
    </message>
    <message>
        <source>Queues of %1 SCR copies (virtual time, UTC)</source>
        <translation>Warteschlangen von %1 SCR-Kopien (virtuelle Zeit, UTC)</translation>
    </message>
    <message>
        <source>Queue Chart legend</source>
        <translation>Legende des Warteschlangendiagramms</translation>
    </message>
</context>
<context>
    <name>scr::RecoverServerWizard</name>
    <message>
        <source>Activate by Recover Server</source>
        <translation>Aktivierung per Serverwiederherstellung</translation>
    </message>
    <message>
        <source>This wizard rebuilds a failed Exchange server on a standby machine that holds SCR copies of its storage groups.

Every storage group of the server with a copy on that standby machine is activated (Restore-StorageGroupCopy -Force: the logs never copied are lost). Storage groups without a copy there are lost: you will restore them from a backup or mount empty dial-tone databases.

Then Exchange is uninstalled from the standby machine, the machine is given the failed server&apos;s name (its computer account taken over) and setup /m:RecoverServer makes it the failed server; the databases are recovered from the copied logs and mounted. Uninstall and rename cannot be undone: a warning page comes before them.

Use it when the failed server&apos;s host is down for good. If the wizard stops half-way, run it again: it plans from what is done.</source>
        <translation>Dieser Assistent baut einen ausgefallenen Exchange-Server auf einem Standbycomputer neu auf, der SCR-Kopien seiner Speichergruppen enthält.

Jede Speichergruppe des Servers mit einer Kopie auf diesem Standbycomputer wird aktiviert (Restore-StorageGroupCopy -Force: nie kopierte Protokolle gehen verloren). Speichergruppen ohne Kopie dort gehen verloren: Sie stellen sie aus einer Sicherung wieder her oder stellen leere Wähltondatenbanken bereit.

Danach wird Exchange vom Standbycomputer deinstalliert, der Computer erhält den Namen des ausgefallenen Servers (und übernimmt dessen Computerkonto), und setup /m:RecoverServer macht ihn zum ausgefallenen Server; die Datenbanken werden aus den kopierten Protokollen wiederhergestellt und bereitgestellt. Deinstallation und Umbenennung können nicht rückgängig gemacht werden: Vorher erscheint eine Warnseite.

Verwenden Sie ihn, wenn der Host des ausgefallenen Servers endgültig ausgefallen ist. Bricht der Assistent auf halbem Weg ab, führen Sie ihn erneut aus: Er plant ausgehend von dem, was erledigt ist.</translation>
    </message>
    <message>
        <source>Activate by Recover Server: %1</source>
        <translation>Aktivierung per Serverwiederherstellung: %1</translation>
    </message>
    <message>
        <source>Standby Machine</source>
        <translation>Standbycomputer</translation>
    </message>
    <message>
        <source>Choose the standby machine that takes the place of %1.</source>
        <translation>Wählen Sie den Standbycomputer, der den Platz von %1 einnimmt.</translation>
    </message>
    <message>
        <source>Standby machines</source>
        <translation>Standbycomputer</translation>
    </message>
    <message>
        <source>Standby machine</source>
        <translation>Standbycomputer</translation>
    </message>
    <message>
        <source>SCR copies of %1</source>
        <translation>SCR-Kopien von %1</translation>
    </message>
    <message>
        <source>Can take over</source>
        <translation>Kann übernehmen</translation>
    </message>
    <message>
        <source>Looking for the standby machines...</source>
        <translation>Standbycomputer werden gesucht...</translation>
    </message>
    <message>
        <source>&amp;Standby machines holding copies of %1&apos;s storage groups:</source>
        <translation>Standby&amp;computer mit Kopien der Speichergruppen von %1:</translation>
    </message>
    <message>
        <source>Storage Groups</source>
        <translation>Speichergruppen</translation>
    </message>
    <message>
        <source>What is activated on the standby machine, and what is lost.</source>
        <translation>Was auf dem Standbycomputer aktiviert wird und was verloren geht.</translation>
    </message>
    <message>
        <source>Storage groups of %1</source>
        <translation>Speichergruppen von %1</translation>
    </message>
    <message>
        <source>Storage group</source>
        <translation>Speichergruppe</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>Datenbanken</translation>
    </message>
    <message>
        <source>Warning: Irreversible Steps</source>
        <translation>Warnung: Nicht umkehrbare Schritte</translation>
    </message>
    <message>
        <source>Read this before the wizard starts.</source>
        <translation>Lesen Sie dies, bevor der Assistent beginnt.</translation>
    </message>
    <message>
        <source>I understand the irreversible steps</source>
        <translation>Ich verstehe die nicht umkehrbaren Schritte</translation>
    </message>
    <message>
        <source>%1 (%2 activated already)</source>
        <translation>%1 (%2 bereits aktiviert)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No: %1</source>
        <translation>Nein: %1</translation>
    </message>
    <message>
        <source>No standby machine holds an SCR copy of %1&apos;s storage groups: it cannot be recovered by this wizard. Restore its storage groups from backups instead.</source>
        <translation>Kein Standbycomputer enthält eine SCR-Kopie der Speichergruppen von %1: Der Server kann mit diesem Assistenten nicht wiederhergestellt werden. Stellen Sie seine Speichergruppen stattdessen aus Sicherungen wieder her.</translation>
    </message>
    <message>
        <source>%1 can take the place of %2.</source>
        <translation>%1 kann den Platz von %2 einnehmen.</translation>
    </message>
    <message>
        <source>%1 cannot take the place of %2 now: %3. The pre-flight checks will say so too.</source>
        <translation>%1 kann den Platz von %2 jetzt nicht einnehmen: %3. Die Vorabprüfungen melden das ebenfalls.</translation>
    </message>
    <message>
        <source>Reading the storage groups...</source>
        <translation>Speichergruppen werden gelesen...</translation>
    </message>
    <message>
        <source>Activated already on %1</source>
        <translation>Bereits auf %1 aktiviert</translation>
    </message>
    <message>
        <source>Activated from its SCR copy on %1</source>
        <translation>Aus ihrer SCR-Kopie auf %1 aktiviert</translation>
    </message>
    <message>
        <source>LOST: no SCR copy on %1</source>
        <translation>VERLOREN: keine SCR-Kopie auf %1</translation>
    </message>
    <message>
        <source>Every storage group of %1 has a copy on %2: none is lost.</source>
        <translation>Jede Speichergruppe von %1 hat eine Kopie auf %2: Keine geht verloren.</translation>
    </message>
    <message>
        <source>The lost storage groups (%1) come back on the recovered server with no database file. After the recovery you choose, for each:
  - restore it from its last full backup (its mail up to that backup, and the logs since if they survived), or
  - mount an empty dial-tone database (Mount-Database -Force) so that its users can send and receive mail at once; their old mail can be merged in later from a restore.
The wizard does neither: it lists the commands again on its last page.</source>
        <translation>Die verlorenen Speichergruppen (%1) erscheinen auf dem wiederhergestellten Server ohne Datenbankdatei. Nach der Wiederherstellung wählen Sie für jede:
  - Wiederherstellung aus ihrer letzten Vollsicherung (ihre E-Mail bis zu dieser Sicherung und die Protokolle seitdem, sofern sie erhalten sind), oder
  - Bereitstellung einer leeren Wähltondatenbank (Mount-Database -Force), damit ihre Benutzer sofort E-Mail senden und empfangen können; ihre alte E-Mail kann später aus einer Wiederherstellung zusammengeführt werden.
Der Assistent tut keines von beiden: Er listet die Befehle auf seiner letzten Seite erneut auf.</translation>
    </message>
    <message>
        <source>The irreversible steps are done already; the wizard finishes the recovery of %1.</source>
        <translation>Die nicht umkehrbaren Schritte sind bereits erledigt; der Assistent schließt die Wiederherstellung von %1 ab.</translation>
    </message>
    <message>
        <source>These steps cannot be undone, and the wizard cannot be cancelled once the first of them has started:
%1

</source>
        <translation>Diese Schritte können nicht rückgängig gemacht werden, und der Assistent kann nicht mehr abgebrochen werden, sobald der erste von ihnen begonnen hat:
%1

</translation>
    </message>
    <message>
        <source>After them %1 is no longer a standby machine: its Exchange installation is gone, it carries the name %2, and the host %3 must never come back on the network under that name.</source>
        <translation>Danach ist %1 kein Standbycomputer mehr: Seine Exchange-Installation ist entfernt, er trägt den Namen %2, und der Host %3 darf nie wieder unter diesem Namen ins Netzwerk zurückkehren.</translation>
    </message>
    <message>
        <source>Lost (no copy on %1): %2.</source>
        <translation>Verloren (keine Kopie auf %1): %2.</translation>
    </message>
    <message>
        <source>&amp;I understand that %1 will be uninstalled and renamed %2, and that this cannot be undone</source>
        <translation>&amp;Ich verstehe, dass Exchange von %1 deinstalliert und der Computer in %2 umbenannt wird und dass dies nicht rückgängig gemacht werden kann</translation>
    </message>
    <message>
        <source>%1 runs on the former standby machine %2 (host %1 now). Mounted there: %3.</source>
        <translation>%1 läuft auf dem ehemaligen Standbycomputer %2 (jetzt Host %1). Dort bereitgestellt: %3.</translation>
    </message>
    <message>
        <source>The recovery of %1 did not finish: what ran is above, nothing else was changed. Fix what failed and run this wizard again: it plans from what is done.</source>
        <translation>Die Wiederherstellung von %1 wurde nicht abgeschlossen: Was ausgeführt wurde, steht oben, sonst wurde nichts geändert. Beheben Sie den Fehler und führen Sie diesen Assistenten erneut aus: Er plant ausgehend von dem, was erledigt ist.</translation>
    </message>
    <message>
        <source>%1 is lost (it had no SCR copy on %2):</source>
        <translation>%1 ist verloren (es gab keine SCR-Kopie auf %2):</translation>
    </message>
    <message>
        <source>&amp;Enable SCR for the recovered storage groups...</source>
        <translation>SCR für die wiederhergestellten Speichergruppen &amp;aktivieren...</translation>
    </message>
    <message>
        <source>Opens the Enable Storage Group Copy wizard for the storage groups this wizard recovered</source>
        <translation>Öffnet den Assistenten „Speichergruppenkopie aktivieren“ für die von diesem Assistenten wiederhergestellten Speichergruppen</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Mail lost if activated now</source>
        <translation>Bei sofortiger Aktivierung verlorene E-Mail</translation>
    </message>
    <message>
        <source>Recovery point preview</source>
        <translation>Vorschau des Wiederherstellungspunkts</translation>
    </message>
    <message numerus="yes">
        <source>%n log(s)</source>
        <translation>
            <numerusform>%n Protokoll</numerusform>
            <numerusform>%n Protokolle</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, at most %n minute(s) of mail</source>
        <translation>
            <numerusform>, höchstens E-Mail von %n Minute</numerusform>
            <numerusform>, höchstens E-Mail von %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Nothing more (activated already)</source>
        <translation>Nichts mehr (bereits aktiviert)</translation>
    </message>
    <message numerus="yes">
        <source>I accept the loss of %n log(s)</source>
        <translation>
            <numerusform>Ich akzeptiere den Verlust von %n Protokoll</numerusform>
            <numerusform>Ich akzeptiere den Verlust von %n Protokollen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n minute(s) of mail)</source>
        <translation>
            <numerusform> (E-Mail von %n Minute)</numerusform>
            <numerusform> (E-Mail von %n Minuten)</numerusform>
        </translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> in %1</translation>
    </message>
    <message>
        <source>Accept the loss of mail of %1</source>
        <translation>Den Verlust von E-Mail in %1 akzeptieren</translation>
    </message>
</context>
<context>
    <name>scr::ReplicationDashboard</name>
    <message>
        <source>Every SCR copy of the organization, one cell each, coloured by its status; a copy that crosses a threshold (Tools &gt; Settings) is drawn in amber with a warning sign, and its tooltip says why. Click a cell to select the copy.</source>
        <translation>Jede SCR-Kopie der Organisation, je eine Zelle, gefärbt nach ihrem Status; eine Kopie, die einen Schwellenwert überschreitet (Extras &gt; Einstellungen), wird bernsteinfarben mit einem Warnsymbol dargestellt, und ihre QuickInfo nennt den Grund. Klicken Sie auf eine Zelle, um die Kopie auszuwählen.</translation>
    </message>
    <message>
        <source>No SCR copies. Enable SCR on a storage group to see its copies here.</source>
        <translation>Keine SCR-Kopien. Aktivieren Sie SCR für eine Speichergruppe, um ihre Kopien hier zu sehen.</translation>
    </message>
    <message>
        <source>Replication Dashboard</source>
        <translation>Replikationsdashboard</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlerhaft</numerusform>
            <numerusform>%n fehlerhaft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with the service down</source>
        <translation>
            <numerusform>%n mit ausgefallenem Dienst</numerusform>
            <numerusform>%n mit ausgefallenem Dienst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspended</source>
        <translation>
            <numerusform>%n angehalten</numerusform>
            <numerusform>%n angehalten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n crossing a threshold</source>
        <translation>
            <numerusform>%n über einem Schwellenwert</numerusform>
            <numerusform>%n über einem Schwellenwert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SCR copies</source>
        <translation>
            <numerusform>%n SCR-Kopie</numerusform>
            <numerusform>%n SCR-Kopien</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>scr::ResultPane</name>
    <message>
        <source>Result pane</source>
        <translation>Ergebnisbereich</translation>
    </message>
    <message>
        <source>Filter the result pane</source>
        <translation>Ergebnisbereich filtern</translation>
    </message>
    <message>
        <source>Filter the SCR copies</source>
        <translation>SCR-Kopien filtern</translation>
    </message>
    <message>
        <source>&lt;b&gt;Standby Continuous Replication&lt;/b&gt;</source>
        <translation>&lt;b&gt;Fortlaufende Standbyreplikation (SCR)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Result Pane &amp;Columns</source>
        <translation>&amp;Spalten des Ergebnisbereichs</translation>
    </message>
    <message>
        <source>&amp;Reset Columns</source>
        <translation>Spalten &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Filter the mailboxes (name, alias, database, server)</source>
        <translation>Postfächer filtern (Name, Alias, Datenbank, Server)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recipient Configuration › Mailbox&lt;/b&gt;</source>
        <translation>&lt;b&gt;Empfängerkonfiguration › Postfach&lt;/b&gt;</translation>
    </message>
    <message>
        <source>1 mailbox</source>
        <translation>1 Postfach</translation>
    </message>
    <message>
        <source>%1 mailboxes</source>
        <translation>%L1 Postfächer</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%L1 von %L2 angezeigt</translation>
    </message>
    <message>
        <source>, %1 selected</source>
        <translation>, %L1 ausgewählt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Organization Configuration › Mailbox&lt;/b&gt;</source>
        <translation>&lt;b&gt;Organisationskonfiguration › Postfach&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>scr::ScrWizard</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Wird ausgeführt</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not run (cancelled)</source>
        <translation>Nicht ausgeführt (abgebrochen)</translation>
    </message>
    <message>
        <source>&amp;Save as Script...</source>
        <translation>Als &amp;Skript speichern...</translation>
    </message>
    <message>
        <source>Writes the wizard&apos;s commands as a .ps1 script that scr-shell runs as it is</source>
        <translation>Schreibt die Befehle des Assistenten als .ps1-Skript, das scr-shell unverändert ausführt</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Einführung</translation>
    </message>
    <message>
        <source>Pre-flight Checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Read-only checks of the servers, copies and disks involved. Nothing has been changed yet.</source>
        <translation>Schreibgeschützte Prüfungen der beteiligten Server, Kopien und Datenträger. Bisher wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Pre-flight checks</source>
        <translation>Vorabprüfungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>C&amp;heck Again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Runs the pre-flight checks again, after you fixed what failed</source>
        <translation>Führt die Vorabprüfungen erneut aus, nachdem Sie die Fehler behoben haben</translation>
    </message>
    <message>
        <source>Configuration Summary</source>
        <translation>Konfigurationszusammenfassung</translation>
    </message>
    <message>
        <source>The wizard will run these Exchange Management Shell commands, one at a time, in this order. The first that fails stops the rest.</source>
        <translation>Der Assistent führt diese Befehle der Exchange-Verwaltungsshell nacheinander in dieser Reihenfolge aus. Der erste fehlgeschlagene Befehl hält die übrigen an.</translation>
    </message>
    <message>
        <source>Commands the wizard will run</source>
        <translation>Befehle, die der Assistent ausführt</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>The commands run on the lab&apos;s thread; the console stays usable.</source>
        <translation>Die Befehle laufen im Thread des Labors; die Konsole bleibt bedienbar.</translation>
    </message>
    <message>
        <source>Steps and their state</source>
        <translation>Schritte und ihr Zustand</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Elapsed Time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>What the wizard did</source>
        <translation>Was der Assistent getan hat</translation>
    </message>
    <message>
        <source>Ctrl+C copies all of it</source>
        <translation>Strg+C kopiert alles</translation>
    </message>
    <message>
        <source>To copy the contents of this page, press Ctrl+C.</source>
        <translation>Drücken Sie Strg+C, um den Inhalt dieser Seite zu kopieren.</translation>
    </message>
    <message>
        <source>   (irreversible: once this step starts the wizard cannot be cancelled)</source>
        <translation>   (nicht umkehrbar: Sobald dieser Schritt beginnt, kann der Assistent nicht mehr abgebrochen werden)</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Wird geprüft...</translation>
    </message>
    <message>
        <source>To fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) failed. Next stays unavailable until they pass: do what each says, then click Check Again. Nothing has been changed.</source>
        <translation>
            <numerusform>%n Prüfung ist fehlgeschlagen. „Weiter“ bleibt nicht verfügbar, bis sie bestanden ist: Tun Sie, was sie angibt, und klicken Sie dann auf „Erneut prüfen“. Es wurde nichts geändert.</numerusform>
            <numerusform>%n Prüfungen sind fehlgeschlagen. „Weiter“ bleibt nicht verfügbar, bis sie bestanden sind: Tun Sie, was jede angibt, und klicken Sie dann auf „Erneut prüfen“. Es wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All checks passed, %n with a warning: read it before you go on.</source>
        <translation>
            <numerusform>Alle Prüfungen bestanden, %n mit einer Warnung: Lesen Sie sie, bevor Sie fortfahren.</numerusform>
            <numerusform>Alle Prüfungen bestanden, %n mit einer Warnung: Lesen Sie sie, bevor Sie fortfahren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n check(s) passed.</source>
        <translation>
            <numerusform>Die %n Prüfung wurde bestanden.</numerusform>
            <numerusform>Alle %n Prüfungen wurden bestanden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Completed: the wizard completed successfully. %n step(s) ran.</source>
        <translation>
            <numerusform>Abgeschlossen: Der Assistent wurde erfolgreich abgeschlossen. %n Schritt wurde ausgeführt.</numerusform>
            <numerusform>Abgeschlossen: Der Assistent wurde erfolgreich abgeschlossen. %n Schritte wurden ausgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: step %1 of %2 failed and stopped the wizard; the steps after it were not run. Its error says why and what to do; then run the wizard again.</source>
        <translation>Fehler: Schritt %1 von %2 ist fehlgeschlagen und hat den Assistenten angehalten; die folgenden Schritte wurden nicht ausgeführt. Sein Fehler nennt den Grund und was zu tun ist; führen Sie den Assistenten dann erneut aus.</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 step(s) ran; the others were not started.</source>
        <translation>Abgebrochen: %1 von %2 Schritten wurden ausgeführt; die übrigen wurden nicht gestartet.</translation>
    </message>
    <message>
        <source>The wizard has passed its point of no return: it runs to the end or to the first failure.</source>
        <translation>Der Assistent hat den Punkt ohne Umkehr überschritten: Er läuft bis zum Ende oder bis zum ersten Fehler.</translation>
    </message>
    <message>
        <source>Irreversible steps have started: Cancel is unavailable until the wizard ends.</source>
        <translation>Nicht umkehrbare Schritte haben begonnen: „Abbrechen“ ist bis zum Ende des Assistenten nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cancelling: the step under way finishes, then the wizard stops.</source>
        <translation>Wird abgebrochen: Der laufende Schritt wird beendet, dann hält der Assistent an.</translation>
    </message>
    <message>
        <source>Save as Script</source>
        <translation>Als Skript speichern</translation>
    </message>
    <message>
        <source>Exchange Management Shell scripts (*.ps1)</source>
        <translation>Skripts der Exchange-Verwaltungsshell (*.ps1)</translation>
    </message>
    <message>
        <source>The script was not saved to %1: %2. Choose a folder you can write to.</source>
        <translation>Das Skript wurde nicht unter %1 gespeichert: %2. Wählen Sie einen Ordner, in den Sie schreiben können.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
</context>
<context>
    <name>scr::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> logs</source>
        <translation> Protokolle</translation>
    </message>
    <message>
        <source>A copy whose CopyQueueLength (logs the source has closed and the standby machine has not copied yet: what would be lost if the source failed now) is above this many logs is in alert. Default: %1 logs.</source>
        <translation>Eine Kopie, deren CopyQueueLength (Protokolle, die die Quelle geschlossen und der Standbycomputer noch nicht kopiert hat: was verloren ginge, wenn die Quelle jetzt ausfiele) über dieser Anzahl Protokolle liegt, ist im Alarmzustand. Standardwert: %1 Protokolle.</translation>
    </message>
    <message>
        <source>A copy&apos;s ReplayQueueLength is expected to hold the logs made during its ReplayLagTime (at the rate its own queue shows) plus the 50 logs SCR always keeps unreplayed. A copy whose queue is above that by more than this many logs is in alert: its replay is behind. Default: %1 logs.</source>
        <translation>Die ReplayQueueLength einer Kopie enthält erwartungsgemäß die während ihrer ReplayLagTime erstellten Protokolle (mit der Rate, die ihre eigene Warteschlange zeigt) plus die 50 Protokolle, die SCR immer ungespielt zurückhält. Eine Kopie, deren Warteschlange dies um mehr als diese Anzahl Protokolle übersteigt, ist im Alarmzustand: Ihre Wiedergabe hängt zurück. Standardwert: %1 Protokolle.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>A copy whose last inspected log is older than this many minutes of virtual time, while its source is powered on and has closed a newer log, is in alert: copying or inspecting has stalled. Default: %1 minutes.</source>
        <translation>Eine Kopie, deren zuletzt überprüftes Protokoll älter als diese Anzahl Minuten virtueller Zeit ist, während ihre Quelle eingeschaltet ist und ein neueres Protokoll geschlossen hat, ist im Alarmzustand: Kopieren oder Überprüfen stockt. Standardwert: %1 Minuten.</translation>
    </message>
    <message>
        <source>Replication Dashboard thresholds</source>
        <translation>Schwellenwerte des Replikationsdashboards</translation>
    </message>
    <message>
        <source>CopyQueueLength above:</source>
        <translation>CopyQueueLength über:</translation>
    </message>
    <message>
        <source>ReplayQueueLength beyond the lag and hold-back by:</source>
        <translation>ReplayQueueLength über Verzögerung und Rückhaltung hinaus um:</translation>
    </message>
    <message>
        <source>Last inspected log older than:</source>
        <translation>Zuletzt überprüftes Protokoll älter als:</translation>
    </message>
    <message>
        <source>A copy that crosses a threshold is drawn in amber with a warning sign in the dashboard, the console tree and the result pane, and a Warning event (9100) is raised once when it crosses.</source>
        <translation>Eine Kopie, die einen Schwellenwert überschreitet, wird im Dashboard, in der Konsolenstruktur und im Ergebnisbereich bernsteinfarben mit einem Warnsymbol dargestellt, und beim Überschreiten wird einmal ein Warnungsereignis (9100) ausgelöst.</translation>
    </message>
</context>
<context>
    <name>scr::ShellPane</name>
    <message>
        <source>Get-StorageGroupCopyStatus | fl</source>
        <translation>Get-StorageGroupCopyStatus | fl</translation>
    </message>
    <message>
        <source>Shell output</source>
        <translation>Shell-Ausgabe</translation>
    </message>
</context>
<context>
    <name>scr::StorageGroupProperties</name>
    <message>
        <source>Copying (%1 logs to copy)</source>
        <translation>Kopieren (%L1 Protokolle zu kopieren)</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Initializing</source>
        <translation>Wird initialisiert</translation>
    </message>
    <message>
        <source>Waiting for the seed</source>
        <translation>Wartet auf das Seeding</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Service down</source>
        <translation>Dienst nicht verfügbar</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>%1 logs held back by the replay lag (%2)</source>
        <translation>%L1 Protokolle durch die Wiedergabeverzögerung zurückgehalten (%2)</translation>
    </message>
    <message>
        <source>Replaying (%1 logs to replay)</source>
        <translation>Wiedergabe (%L1 Protokolle wiederzugeben)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>Storage group:</source>
        <translation>Speichergruppe:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Log path:</source>
        <translation>Protokollpfad:</translation>
    </message>
    <message>
        <source>System path:</source>
        <translation>Systempfad:</translation>
    </message>
    <message>
        <source>Log file prefix:</source>
        <translation>Präfix der Protokolldatei:</translation>
    </message>
    <message>
        <source>Enable circular logging:</source>
        <translation>Umlaufprotokollierung aktivieren:</translation>
    </message>
    <message>
        <source>Databases:</source>
        <translation>Datenbanken:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>This SCR copy is gone: it was disabled.</source>
        <translation>Diese SCR-Kopie ist nicht mehr vorhanden: Sie wurde deaktiviert.</translation>
    </message>
    <message>
        <source>Standby continuous replication status</source>
        <translation>Status der fortlaufenden Standbyreplikation</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Seeding:</source>
        <translation>Seeding:</translation>
    </message>
    <message>
        <source>Copy:</source>
        <translation>Kopieren:</translation>
    </message>
    <message>
        <source>Copy queue length:</source>
        <translation>Länge der Kopierwarteschlange:</translation>
    </message>
    <message>
        <source>Replay:</source>
        <translation>Wiedergabe:</translation>
    </message>
    <message>
        <source>Replay queue length:</source>
        <translation>Länge der Wiedergabewarteschlange:</translation>
    </message>
    <message>
        <source>Failure:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Latest available log time:</source>
        <translation>Zeit des neuesten verfügbaren Protokolls:</translation>
    </message>
    <message>
        <source>Last log copied time:</source>
        <translation>Zeit des zuletzt kopierten Protokolls:</translation>
    </message>
    <message>
        <source>Last log replayed time:</source>
        <translation>Zeit des zuletzt wiedergegebenen Protokolls:</translation>
    </message>
    <message>
        <source>Lag times</source>
        <translation>Verzögerungszeiten</translation>
    </message>
    <message>
        <source>Replay lag time:</source>
        <translation>Verzögerungszeit für die Wiedergabe:</translation>
    </message>
    <message>
        <source>Truncation lag time:</source>
        <translation>Verzögerungszeit für das Abschneiden:</translation>
    </message>
    <message>
        <source>Set when SCR is enabled (Enable-StorageGroupCopy -ReplayLagTime -TruncationLagTime); to change them, disable the copy and enable it again.</source>
        <translation>Werden beim Aktivieren von SCR festgelegt (Enable-StorageGroupCopy -ReplayLagTime -TruncationLagTime); um sie zu ändern, deaktivieren Sie die Kopie und aktivieren sie erneut.</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>&amp;Suspend standby continuous replication for this copy</source>
        <translation>Fortlaufende Standbyreplikation für diese Kopie &amp;anhalten</translation>
    </message>
    <message>
        <source>Why the copy is suspended, for the next administrator</source>
        <translation>Warum die Kopie angehalten ist, für den nächsten Administrator</translation>
    </message>
    <message>
        <source>Administrative Suspend comment:</source>
        <translation>Administrativer Kommentar zum Anhalten:</translation>
    </message>
    <message>
        <source>SCR on %1</source>
        <translation>SCR auf %1</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Not seeding</source>
        <translation>Kein Seeding</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>The storage group %1 is gone. The values shown are the last it had.</source>
        <translation>Die Speichergruppe %1 ist nicht mehr vorhanden. Angezeigt werden ihre letzten Werte.</translation>
    </message>
</context>
<context>
    <name>scr::cmdlets</name>
    <message>
        <source>%1 holds the database %2, so it is not the target of %3</source>
        <translation>%1 enthält die Datenbank %2 und ist daher nicht das Ziel von %3</translation>
    </message>
    <message>
        <source>remove or rename that storage group (Remove-MailboxDatabase, Remove-StorageGroup) if it is not needed, then check again</source>
        <translation>entfernen oder benennen Sie diese Speichergruppe um (Remove-MailboxDatabase, Remove-StorageGroup), falls sie nicht benötigt wird, und prüfen Sie dann erneut</translation>
    </message>
    <message>
        <source>%1 exists at %2, neither the temporary path %3 nor the copy&apos;s paths, so it is not the target of %4</source>
        <translation>%1 ist unter %2 vorhanden, weder im temporären Pfad %3 noch in den Pfaden der Kopie, und ist daher nicht das Ziel von %4</translation>
    </message>
    <message>
        <source>remove it (Remove-StorageGroup %1) if it is not needed, then check again</source>
        <translation>entfernen Sie sie (Remove-StorageGroup %1), falls sie nicht benötigt wird, und prüfen Sie dann erneut</translation>
    </message>
    <message>
        <source>%1 has its file at %2, not at the temporary path %3</source>
        <translation>Die Datei von %1 liegt unter %2, nicht im temporären Pfad %3</translation>
    </message>
    <message>
        <source>remove it (Remove-MailboxDatabase %1) if it is not needed, then check again</source>
        <translation>entfernen Sie sie (Remove-MailboxDatabase %1), falls sie nicht benötigt wird, und prüfen Sie dann erneut</translation>
    </message>
    <message>
        <source>%1 points at the copy&apos;s log folder but its database does not point at the copy&apos;s file %2: an activation by database portability is under way</source>
        <translation>%1 verweist auf den Protokollordner der Kopie, ihre Datenbank aber nicht auf die Datei %2 der Kopie: Eine Aktivierung per Datenbankportabilität ist im Gange</translation>
    </message>
    <message>
        <source>finish the activation (Move-DatabasePath %1 -EdbFilePath %2 -ConfigurationOnly)</source>
        <translation>schließen Sie die Aktivierung ab (Move-DatabasePath %1 -EdbFilePath %2 -ConfigurationOnly)</translation>
    </message>
    <message>
        <source>Create the storage group %1 at %2 (New-StorageGroup)</source>
        <translation>Speichergruppe %1 unter %2 erstellen (New-StorageGroup)</translation>
    </message>
    <message>
        <source>Create the database %1 (New-MailboxDatabase)</source>
        <translation>Datenbank %1 erstellen (New-MailboxDatabase)</translation>
    </message>
    <message>
        <source>Mount %1 once, so that the store makes it</source>
        <translation>%1 einmal bereitstellen, damit der Informationsspeicher sie anlegt</translation>
    </message>
    <message>
        <source>Dismount %1</source>
        <translation>Bereitstellung von %1 aufheben</translation>
    </message>
    <message>
        <source>Delete the temporary files %1 on %2</source>
        <translation>Temporäre Dateien %1 auf %2 löschen</translation>
    </message>
    <message>
        <source>%1 is an Exchange server with the Mailbox role</source>
        <translation>%1 ist ein Exchange-Server mit der Postfachserverrolle</translation>
    </message>
    <message>
        <source>The standby machine&apos;s host %1 is powered on</source>
        <translation>Der Host %1 des Standbycomputers ist eingeschaltet</translation>
    </message>
    <message>
        <source>%1 is powered off or unreachable: its disk cannot be read or written</source>
        <translation>%1 ist ausgeschaltet oder nicht erreichbar: Sein Datenträger kann weder gelesen noch beschrieben werden</translation>
    </message>
    <message>
        <source>%1 holds SCR copies</source>
        <translation>%1 enthält SCR-Kopien</translation>
    </message>
    <message numerus="yes">
        <source>%n storage group(s) copied to it</source>
        <translation>
            <numerusform>%n Speichergruppe dorthin kopiert</numerusform>
            <numerusform>%n Speichergruppen dorthin kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>no storage group is copied to %1 (Get-StorageGroupCopyStatus -StandbyMachine %1 lists none): there is no target to prepare</source>
        <translation>keine Speichergruppe wird nach %1 kopiert (Get-StorageGroupCopyStatus -StandbyMachine %1 listet keine auf): Es gibt kein Ziel vorzubereiten</translation>
    </message>
    <message>
        <source>enable a copy first (Enable-StorageGroupCopy &lt;storage group&gt; -StandbyMachine %1)</source>
        <translation>aktivieren Sie zuerst eine Kopie (Enable-StorageGroupCopy &lt;Speichergruppe&gt; -StandbyMachine %1)</translation>
    </message>
    <message>
        <source>%1 is copied to %2</source>
        <translation>%1 wird nach %2 kopiert</translation>
    </message>
    <message>
        <source>the copy is no longer there</source>
        <translation>die Kopie ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>go Back and Refresh the list (Get-StorageGroupCopyStatus -StandbyMachine %1 lists the copies)</source>
        <translation>gehen Sie zurück und aktualisieren Sie die Liste (Get-StorageGroupCopyStatus -StandbyMachine %1 listet die Kopien auf)</translation>
    </message>
    <message>
        <source>The target of %1: %2 and %3</source>
        <translation>Das Ziel von %1: %2 und %3</translation>
    </message>
    <message>
        <source>prepared already: nothing to do</source>
        <translation>bereits vorbereitet: nichts zu tun</translation>
    </message>
    <message>
        <source>points at the copy&apos;s files already (activated): nothing to do</source>
        <translation>verweist bereits auf die Dateien der Kopie (aktiviert): nichts zu tun</translation>
    </message>
    <message>
        <source>the names are free: both will be made</source>
        <translation>die Namen sind frei: beide werden erstellt</translation>
    </message>
    <message>
        <source>partly made by an earlier run: the steps left will run</source>
        <translation>teilweise von einem früheren Durchlauf erstellt: die verbleibenden Schritte werden ausgeführt</translation>
    </message>
    <message>
        <source>The temporary path %1 on %2 can be used</source>
        <translation>Der temporäre Pfad %1 auf %2 kann verwendet werden</translation>
    </message>
    <message>
        <source>it is a folder of the storage group %1; two storage groups never share one</source>
        <translation>er ist ein Ordner der Speichergruppe %1; zwei Speichergruppen teilen sich nie einen</translation>
    </message>
    <message>
        <source>move that storage group&apos;s files elsewhere (Move-StorageGroupPath %1)</source>
        <translation>verschieben Sie die Dateien dieser Speichergruppe an einen anderen Ort (Move-StorageGroupPath %1)</translation>
    </message>
    <message numerus="yes">
        <source>it holds %n file(s) from before that are no target&apos;s: %1</source>
        <translation>
            <numerusform>er enthält %n ältere Datei, die zu keinem Ziel gehört: %1</numerusform>
            <numerusform>er enthält %n ältere Dateien, die zu keinem Ziel gehören: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>if they are not needed: Enter-PSSession %1; Remove-Item %2 -Recurse</source>
        <translation>falls sie nicht benötigt werden: Enter-PSSession %1; Remove-Item %2 -Recurse</translation>
    </message>
    <message>
        <source>it holds the target&apos;s files: they will be deleted</source>
        <translation>er enthält die Dateien des Ziels: Sie werden gelöscht</translation>
    </message>
    <message>
        <source>it does not exist: the store makes it, the wizard deletes it</source>
        <translation>er ist nicht vorhanden: Der Informationsspeicher legt ihn an, der Assistent löscht ihn</translation>
    </message>
    <message>
        <source>%1&apos;s disk has room to mount the new databases once</source>
        <translation>Der Datenträger von %1 bietet genügend Platz, um die neuen Datenbanken einmal bereitzustellen</translation>
    </message>
    <message>
        <source>%1 MB needed</source>
        <translation>%L1 MB erforderlich</translation>
    </message>
    <message>
        <source>The directory can be read</source>
        <translation>Das Verzeichnis kann gelesen werden</translation>
    </message>
    <message>
        <source>The source of %1 still holds its first log</source>
        <translation>Die Quelle von %1 enthält noch ihr erstes Protokoll</translation>
    </message>
    <message>
        <source>a backup truncated its first logs: the copy cannot start from log 1</source>
        <translation>eine Sicherung hat ihre ersten Protokolle abgeschnitten: Die Kopie kann nicht mit Protokoll 1 beginnen</translation>
    </message>
    <message>
        <source>the wizard seeds the copy from the mounted database (Update-StorageGroupCopy)</source>
        <translation>der Assistent führt das Seeding der Kopie aus der bereitgestellten Datenbank durch (Update-StorageGroupCopy)</translation>
    </message>
    <message>
        <source>the copy starts from log 1; no seed is needed</source>
        <translation>die Kopie beginnt mit Protokoll 1; kein Seeding erforderlich</translation>
    </message>
    <message>
        <source>already holds the copies of %1</source>
        <translation>enthält bereits die Kopien von %1</translation>
    </message>
    <message>
        <source>%1 can take the SCR copy of %2</source>
        <translation>%1 kann die SCR-Kopie von %2 aufnehmen</translation>
    </message>
    <message>
        <source>the copy is enabled already: skipped</source>
        <translation>die Kopie ist bereits aktiviert: übersprungen</translation>
    </message>
    <message>
        <source>a mailbox server, powered on, with the copy&apos;s paths free</source>
        <translation>ein eingeschalteter Postfachserver, auf dem die Pfade der Kopie frei sind</translation>
    </message>
    <message>
        <source>Enable the SCR copy of %1 on %2</source>
        <translation>SCR-Kopie von %1 auf %2 aktivieren</translation>
    </message>
    <message>
        <source>Suspend the copy of %1 on %2 for its seed (Suspend-StorageGroupCopy)</source>
        <translation>Kopie von %1 auf %2 für das Seeding anhalten (Suspend-StorageGroupCopy)</translation>
    </message>
    <message>
        <source>Seed the copy of %1 on %2 (Update-StorageGroupCopy)</source>
        <translation>Seeding für die Kopie von %1 auf %2 durchführen (Update-StorageGroupCopy)</translation>
    </message>
</context>
</TS>
