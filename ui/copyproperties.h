#pragma once
// CopyProperties: one SCR copy's property sheet, live: every field Get-StorageGroupCopyStatus reports (its
// status, FailedMessage, SuspendComment, the queues, every log generation with its time and age on the
// virtual clock, LatestFullBackupTime) and the copy's ReplayLagTime and TruncationLagTime, as the lab's
// snapshots say them. Read-only: the copy is changed from its storage group's sheet or the action pane.
// Each value's label is named after its Get-StorageGroupCopyStatus field (objectName and tooltip), so what
// the sheet shows can be set beside the shell's output.

#include "models/copykey.h"
#include "propertysheet.h"

#include <map>

#include <QVariant>

namespace scr {

class CopyProperties final : public PropertySheet
{
    Q_OBJECT
public:
    CopyProperties(const CopyKey &copy, Run run, QWidget *parent = nullptr);
    QStringList commands() const override { return {}; }
    const CopyKey &copy() const { return m_copy; }
    // The label showing a Get-StorageGroupCopyStatus field ("LastLogCopied"); nullptr for another name.
    QLabel *field(const QString &name) const;

protected:
    bool refresh(const LabSnapshot &snapshot) override;
    QString goneText() const override;

private:
    QLabel *addField(const QString &name);
    void set(const QString &name, const QString &text, const QVariant &raw = {});

    CopyKey m_copy;
    std::map<QString, QLabel *> m_fields;
};

} // namespace scr
