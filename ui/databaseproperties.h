#pragma once
// DatabaseProperties: a mailbox database's property sheet, live, in EMC 2007's words. General: its storage
// group and server, database path, whether it is mounted (or why it failed to mount), the last full backup,
// the size of its file, its mailboxes, and below them, as EMC 2007 has them on the General tab: "Do not mount
// this database at start-up" (MountAtStartup inverted) and "This database can be overwritten by a restore"
// (AllowFileRestore). OK and Apply run
// Set-MailboxDatabase with only the parameters that changed (nothing when nothing did); the cmdlet validates
// and applies it.

#include "propertysheet.h"

#include <map>

class QCheckBox;
class QFormLayout;

namespace scr {

class DatabaseProperties final : public PropertySheet
{
    Q_OBJECT
public:
    // identity: "MBX1\SG1\DB1".
    DatabaseProperties(const QString &identity, Run run, QWidget *parent = nullptr);
    QStringList commands() const override;
    QString command() const; // the one Set-MailboxDatabase command, empty when nothing changed

protected:
    bool refresh(const LabSnapshot &snapshot) override;
    void applied() override;
    QString goneText() const override;

private:
    QLabel *addValue(QFormLayout *form, const QString &label, const QString &name);

    QString m_identity;
    // What the lab last said, what the checkboxes are compared with.
    bool m_mountAtStartup = true;
    bool m_allowFileRestore = false;
    QCheckBox *m_doNotMount;
    QCheckBox *m_allowRestore;
    std::map<QString, QLabel *> m_values;
};

} // namespace scr
