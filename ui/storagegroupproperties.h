#pragma once
// StorageGroupProperties: a storage group's property sheet, live. General: its name, server, log and system
// folders, log prefix and circular logging (read-only: the shell has no Set-StorageGroup; paths move with
// Move-StorageGroupPath). Then one tab per SCR copy, modeled on EMC 2007's Local Continuous Replication tab:
// the copy's status, its Seeding, Copy and Replay states with the queue lengths, the latest available,
// copied and replayed log times, ReplayLagTime and TruncationLagTime (read-only: set by
// Enable-StorageGroupCopy, the shell has no cmdlet that changes them), and the Suspend control with its
// "Administrative Suspend" comment. Apply suspends (Suspend-StorageGroupCopy -SuspendComment), suspends
// again with a new comment, or resumes (Resume-StorageGroupCopy). A copy enabled while the sheet is open
// gets its tab; a tab whose copy was disabled says so.

#include "propertysheet.h"

#include <map>

class QCheckBox;
class QFormLayout;
class QLineEdit;

namespace scr {

class StorageGroupProperties final : public PropertySheet
{
    Q_OBJECT
public:
    StorageGroupProperties(const QString &storageGroupIdentity, Run run, QWidget *parent = nullptr);
    QStringList commands() const override;
    // The tab of the copy on standby (named "copyTab:MBX3"); nullptr when the sheet has none.
    QWidget *copyTab(const QString &standby) const;

protected:
    bool refresh(const LabSnapshot &snapshot) override;
    void applied() override;
    QString goneText() const override;

private:
    struct CopyTab
    {
        QWidget *page = nullptr;
        QLabel *gone = nullptr;
        std::map<QString, QLabel *> values; // by name: "status", "seeding", "copy", ...
        QCheckBox *suspend = nullptr;
        QLineEdit *comment = nullptr;
        // What the lab last said (what edits are compared with), and whether the copy still exists.
        bool suspended = false;
        QString suspendComment;
        bool exists = true;
        bool existed = true; // at the snapshot before: a copy that comes back starts from the lab's values
    };
    CopyTab &addCopyTab(const QString &standby);
    void showCopy(CopyTab &tab, const CopySnapshot &copy, qint64 nowMs);
    QString copyCommand(const QString &standby, const CopyTab &tab) const;

    QString m_identity;
    std::map<QString, QLabel *> m_general; // by field: "Name", "Server", "LogFolderPath", ...
    std::map<QString, CopyTab> m_copies;   // by standby machine, upper case
};

} // namespace scr
