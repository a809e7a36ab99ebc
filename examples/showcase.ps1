# The showcase: SCR at work on a new demo lab, as SCR Console opens it on its first run (scr-shell
# --new-demo DIR stays the bare demo lab the runbooks start from). Run it yourself on any new demo lab:
#   scr-shell --new-demo /tmp/lab && scr-shell --lab /tmp/lab examples/showcase.ps1
# Four SCR copies, with and without a replay lag, mail flowing to every replicated database, a full backup,
# and one copy suspended long enough that its copy queue crosses the dashboard's threshold: a warning to
# look at.
$ErrorActionPreference = 'Stop'
Enable-StorageGroupCopy MBX1\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00
Enable-StorageGroupCopy MBX1\SG2 -StandbyMachine MBX4 -ReplayLagTime 0.01:00:00
Enable-StorageGroupCopy MBX2\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.00:30:00
Enable-StorageGroupCopy MBX2\SG3 -StandbyMachine MBX4 -ReplayLagTime 0.00:00:00
Start-MailFlow MBX1\SG1\DB1 -MessagesPerMinute 120
Start-MailFlow MBX1\SG2\DB2 -MessagesPerMinute 60
Start-MailFlow MBX2\SG2\DB2 -MessagesPerMinute 90
Start-MailFlow MBX2\SG3\DB3 -MessagesPerMinute 120
Start-DatabaseBackup MBX1\SG1
Step-Simulation 0.00:20:00
Suspend-StorageGroupCopy MBX2\SG3 -StandbyMachine MBX4 -SuspendComment 'Showcase: suspended for maintenance; its copy queue grows until Resume'
Step-Simulation 0.00:20:00
