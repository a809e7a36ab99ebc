#pragma once
// DatabaseProperties: a mailbox database's property sheet, as EMC showed it: its paths and state, "Mount
// this database at startup" and "This database can be overwritten by a restore". OK gives the
// Set-MailboxDatabase command of what changed (nothing when nothing did); the cmdlet validates and applies
// it.

#include "lab/labsnapshot.h"

#include <QDialog>

class QCheckBox;

namespace scr {

class DatabaseProperties final : public QDialog
{
    Q_OBJECT
public:
    DatabaseProperties(const StorageGroupRecord &storageGroup, const DatabaseSnapshot &database,
                       QWidget *parent = nullptr);
    QString command() const; // empty when nothing changed

private:
    QString m_identity;
    DatabaseRecord m_record;
    QCheckBox *m_mountAtStartup;
    QCheckBox *m_allowFileRestore;
};

} // namespace scr
