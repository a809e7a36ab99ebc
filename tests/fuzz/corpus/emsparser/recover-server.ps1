# Runbook 3: activate the SCR copy of MBX1\SG1 on MBX3 by Recover Server. MBX1 is dead (powered off).
# 1. End the copy with the logs it has: the source cannot be reached, so -Force (the report says what is lost).
# A failed step must stop the runbook: later steps assume it worked (EMS would go on by default).
$ErrorActionPreference = 'Stop'
Restore-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -Force -Confirm:$false
Enter-PSSession MBX3
# 2. Uninstall Exchange from the standby machine: the server object MBX3 goes, the machine stays.
setup /m:Uninstall
# 3. Give the machine the failed server's name.
Rename-Computer -NewName MBX1
# 4. Recover the server: the MBX1 server object is bound to this machine, with its storage groups.
setup /mode:RecoverServer
# 5. Recover the dirty database from the copied logs, then mount it.
eseutil /r E00 /l C:\Exchange\Logs\SG1 /s C:\Exchange\Logs\SG1 /d C:\Exchange\Data\SG1
Mount-Database MBX1\SG1\DB1
Exit-PSSession
Get-MailboxStatistics -Database MBX1\SG1\DB1 | Measure-Object ItemCount -Sum
