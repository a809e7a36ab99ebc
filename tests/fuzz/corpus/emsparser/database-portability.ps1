# Runbook 2: activate the SCR copy of MBX1\SG1 on MBX3 by database portability. The source is reachable.
# 1. Dismount the source database, so that its last logs are closed and can all be copied.
# A failed step must stop the runbook: later steps assume it worked (EMS would go on by default).
$ErrorActionPreference = 'Stop'
Dismount-Database MBX1\SG1\DB1 -Confirm:$false
# 2. End the copy; with the source reachable, every log it lacks is copied first (the report says what, if
#    anything, was lost).
Restore-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -Confirm:$false
# 3. Bring the copy's database to Clean Shutdown.
Enter-PSSession MBX3
eseutil /r E00 /l C:\Exchange\Logs\SG1 /s C:\Exchange\Logs\SG1 /d C:\Exchange\Data\SG1
eseutil /mh C:\Exchange\Data\SG1\DB1.edb
Exit-PSSession
# 4. Point the target's objects at the copy's files.
Move-StorageGroupPath MBX3\SG1Target -LogFolderPath C:\Exchange\Logs\SG1 -SystemFolderPath C:\Exchange\Logs\SG1 -ConfigurationOnly
Move-DatabasePath MBX3\SG1Target\DBTarget -EdbFilePath C:\Exchange\Data\SG1\DB1.edb -ConfigurationOnly
# 5. "This database can be overwritten by a restore", then mount.
Set-MailboxDatabase MBX3\SG1Target\DBTarget -AllowFileRestore $true
Mount-Database MBX3\SG1Target\DBTarget
# 6. Rehome the users' mailboxes; the system mailboxes stay with MBX1.
Get-Mailbox -Database MBX1\SG1\DB1 | where {$_.ObjectClass -NotMatch '(SystemAttendantMailbox|ExOleDbSystemMailbox)'} | Move-Mailbox -ConfigurationOnly -TargetDatabase MBX3\SG1Target\DBTarget -Confirm:$false
Get-MailboxStatistics -Database MBX3\SG1Target\DBTarget | Measure-Object ItemCount -Sum
