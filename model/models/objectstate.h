#pragma once
// What an object of the console is and what state it is in, for its icon: every model that lists objects
// (the tree, the result pane) answers ObjectKindRole and ObjectStateRole; the ui layer (ObjectIcons) turns
// them into an icon. The model layer knows no icons and no widgets.

#include "replication/copystatus.h"

#include <Qt>

namespace scr {

enum class ObjectKind {
    Organization,
    Server,
    StorageGroup,
    Database,
    Copy,
    EventViewer,
    Mailbox,
    // The console tree's containers, as EMC has them.
    OrganizationConfiguration,
    ServerConfiguration,
    RecipientConfiguration,
    Toolbox,
    MailboxRole, // the "Mailbox" node of each configuration
    HeldCopies,  // the SCR copies a standby server holds
    ReplicationDashboard
};

// Normal: a server that is up, a storage group without SCR copies, a mounted database; the copy states are
// Get-StorageGroupCopyStatus's SummaryCopyStatus values.
enum class ObjectState {
    Normal,
    PoweredOff,
    Replicated,
    Dismounted,
    Healthy,
    Initializing,
    Seeding,
    Suspended,
    Failed,
    ServiceDown,
    Disabled
};

// The roles, shared by every object model (far above the models' own roles, so they never collide).
// AlertRole (bool) and AlertReasonRole (QString): an SCR copy that crosses a threshold of the Replication
// Dashboard (ReplicationHealth, CopyAlerts), with the reasons.
enum ObjectRole { ObjectKindRole = Qt::UserRole + 100, ObjectStateRole, AlertRole, AlertReasonRole };

inline ObjectState objectStateOf(SummaryCopyStatus status)
{
    switch (status) {
    case SummaryCopyStatus::Healthy:
        return ObjectState::Healthy;
    case SummaryCopyStatus::Initializing:
        return ObjectState::Initializing;
    case SummaryCopyStatus::Seeding:
        return ObjectState::Seeding;
    case SummaryCopyStatus::Suspended:
        return ObjectState::Suspended;
    case SummaryCopyStatus::Failed:
        return ObjectState::Failed;
    case SummaryCopyStatus::ServiceDown:
        return ObjectState::ServiceDown;
    case SummaryCopyStatus::Disabled:
        return ObjectState::Disabled;
    }
    return ObjectState::Normal;
}

} // namespace scr
