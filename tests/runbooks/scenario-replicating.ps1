# Scenario: MBX1\SG1 is replicated to the standby machine MBX3 and mail is flowing.
# (The simulation's own cmdlets; an administrator's runbooks start after this.)
# A failed step must stop the runbook: later steps assume it worked (EMS would go on by default).
$ErrorActionPreference = 'Stop'
Enable-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0 -TruncationLagTime 0.0:0:0
Start-MailFlow MBX1\SG1\DB1 -MessagesPerMinute 120 -MessageSizeKB 100
# Twelve minutes of mail make about 140 logs of 1 MiB: the copy replays 50 behind, as SCR does.
Step-Simulation 0.00:12:00
Get-StorageGroupCopyStatus MBX1\SG1 -StandbyMachine MBX3
