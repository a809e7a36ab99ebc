# Runbook 2b: database portability when the source server MBX1 is gone (powered off): no dismount, and
# Restore-StorageGroupCopy needs -Force; the report says which logs were lost.
# A failed step must stop the runbook: later steps assume it worked (EMS would go on by default).
$ErrorActionPreference = 'Stop'
Restore-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -Force -Confirm:$false
Enter-PSSession MBX3
eseutil /r E00 /l C:\Exchange\Logs\SG1 /s C:\Exchange\Logs\SG1 /d C:\Exchange\Data\SG1
Exit-PSSession
Move-StorageGroupPath MBX3\SG1Target -LogFolderPath C:\Exchange\Logs\SG1 -SystemFolderPath C:\Exchange\Logs\SG1 -ConfigurationOnly
Move-DatabasePath MBX3\SG1Target\DBTarget -EdbFilePath C:\Exchange\Data\SG1\DB1.edb -ConfigurationOnly
Set-MailboxDatabase MBX3\SG1Target\DBTarget -AllowFileRestore $true
Mount-Database MBX3\SG1Target\DBTarget
Get-Mailbox -Database MBX1\SG1\DB1 | where {$_.ObjectClass -NotMatch '(SystemAttendantMailbox|ExOleDbSystemMailbox)'} | Move-Mailbox -ConfigurationOnly -TargetDatabase MBX3\SG1Target\DBTarget -Confirm:$false
