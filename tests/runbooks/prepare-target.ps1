# Runbook 1: prepare the target. On the standby machine MBX3, a storage group and a database that will later
# be pointed at the SCR copy's files (database portability). Made at a temporary path, mounted once so that
# the store has made them, dismounted, and the temporary files deleted.
# A failed step must stop the runbook: later steps assume it worked (EMS would go on by default).
$ErrorActionPreference = 'Stop'
New-StorageGroup -Name SG1Target -Server MBX3 -LogFolderPath C:\Temp\SG1Target -SystemFolderPath C:\Temp\SG1Target
New-MailboxDatabase -Name DBTarget -StorageGroup MBX3\SG1Target -EdbFilePath C:\Temp\SG1Target\DBTarget.edb
Mount-Database MBX3\SG1Target\DBTarget
Dismount-Database MBX3\SG1Target\DBTarget -Confirm:$false
Enter-PSSession MBX3
Remove-Item C:\Temp\SG1Target -Recurse
Test-Path C:\Temp\SG1Target
Exit-PSSession
Get-MailboxDatabase MBX3\SG1Target\DBTarget -Status | fl Identity,EdbFilePath,Mounted
