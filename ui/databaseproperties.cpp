#include "databaseproperties.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace scr {

DatabaseProperties::DatabaseProperties(const StorageGroupRecord &storageGroup,
                                       const DatabaseSnapshot &database, QWidget *parent)
    : QDialog(parent), m_identity(storageGroup.identity() + QLatin1Char('\\') + database.record.name),
      m_record(database.record), m_mountAtStartup(new QCheckBox(tr("Mount this database at &startup"), this)),
      m_allowFileRestore(new QCheckBox(tr("This database can be &overwritten by a restore"), this))
{
    setObjectName(QStringLiteral("databaseProperties"));
    setWindowTitle(tr("%1 Properties").arg(database.record.name));
    m_mountAtStartup->setObjectName(QStringLiteral("mountAtStartup"));
    m_allowFileRestore->setObjectName(QStringLiteral("allowFileRestore"));
    m_mountAtStartup->setChecked(database.record.mountAtStartup);
    m_allowFileRestore->setChecked(database.record.allowFileRestore);
    auto *form = new QFormLayout;
    form->addRow(tr("Database:"), new QLabel(m_identity, this));
    form->addRow(tr("Database path:"), new QLabel(database.record.edbFilePath, this));
    form->addRow(tr("Log folder path:"), new QLabel(storageGroup.logFolderPath, this));
    auto *status =
        new QLabel(database.mounted                ? tr("Mounted")
                   : database.mountError.isEmpty() ? tr("Dismounted")
                                                   : tr("Failed to mount: %1").arg(database.mountError),
                   this);
    status->setObjectName(QStringLiteral("status"));
    status->setWordWrap(true);
    form->addRow(tr("Status:"), status);
    form->addRow(tr("Mailboxes:"), new QLabel(QString::number(database.mailboxes), this));
    form->addRow(tr("GUID:"), new QLabel(database.record.guid.toString(QUuid::WithoutBraces), this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_mountAtStartup);
    layout->addWidget(m_allowFileRestore);
    layout->addWidget(buttons);
}

QString DatabaseProperties::command() const
{
    QString changes;
    const auto flag = [](bool on) { return on ? QStringLiteral("$true") : QStringLiteral("$false"); };
    if (m_allowFileRestore->isChecked() != m_record.allowFileRestore)
        changes += QStringLiteral(" -AllowFileRestore ") + flag(m_allowFileRestore->isChecked());
    if (m_mountAtStartup->isChecked() != m_record.mountAtStartup)
        changes += QStringLiteral(" -MountAtStartup ") + flag(m_mountAtStartup->isChecked());
    return changes.isEmpty() ? QString() : QStringLiteral("Set-MailboxDatabase ") + m_identity + changes;
}

} // namespace scr
