#include "databaseproperties.h"

#include "cmdlets/mailboxdatabase.h"
#include "models/consoleactions.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QUuid>

namespace scr {

DatabaseProperties::DatabaseProperties(const QString &identity, Run run, QWidget *parent)
    : PropertySheet(QStringLiteral("db:") + identity.toUpper(), std::move(run), parent), m_identity(identity),
      m_doNotMount(new QCheckBox(tr("Do &not mount this database at start-up"))),
      m_allowRestore(new QCheckBox(tr("This database can be &overwritten by a restore")))
{
    setObjectName(QStringLiteral("databaseProperties"));
    setWindowTitle(tr("%1 Properties").arg(identity.section(QLatin1Char('\\'), 2)));
    auto *general = new QWidget;
    auto *form = new QFormLayout(general);
    addValue(form, tr("Database:"), QStringLiteral("identity"));
    addValue(form, tr("Storage group:"), QStringLiteral("storageGroup"));
    addValue(form, tr("Server:"), QStringLiteral("server"));
    addValue(form, tr("Database path:"), QStringLiteral("databasePath"));
    addValue(form, tr("Log path:"), QStringLiteral("logPath"));
    addValue(form, tr("Status:"), QStringLiteral("status"));
    addValue(form, tr("Last full backup:"), QStringLiteral("lastFullBackup"));
    addValue(form, tr("Size:"), QStringLiteral("size"));
    addValue(form, tr("Mailboxes:"), QStringLiteral("mailboxes"));
    addValue(form, tr("GUID:"), QStringLiteral("guid"));
    // EMC 2007's General tab holds the two settings an administrator changes before a restore or a
    // database-portability activation, under the database's figures (there is no Maintenance tab).
    m_doNotMount->setObjectName(QStringLiteral("doNotMountAtStartup"));
    m_allowRestore->setObjectName(QStringLiteral("allowFileRestore"));
    m_doNotMount->setWhatsThis(
        tr("<b>Do not mount this database at start-up</b> (MountAtStartup off): when the "
           "lab opens or the server starts, the database stays dismounted until "
           "Mount-Database. Set it while the database is repaired or restored."));
    m_allowRestore->setWhatsThis(tr(
        "<b>This database can be overwritten by a restore</b> (AllowFileRestore): the store mounts a file at "
        "the database's path even when it is not the file this database was created with (its GUID differs), "
        "and takes it over. Database portability needs it: the target database is pointed at the SCR copy's "
        "files, which belong to the source database. Without it Mount-Database refuses such a file (-1216). "
        "Leave it off otherwise: it protects a database from being mounted on the wrong file."));
    form->addRow(m_doNotMount);
    form->addRow(m_allowRestore);
    tabs()->addTab(general, tr("General"));
    connect(m_doNotMount, &QCheckBox::toggled, this, [this] { edited(); });
    connect(m_allowRestore, &QCheckBox::toggled, this, [this] { edited(); });
    resize(520, 420);
}

QLabel *DatabaseProperties::addValue(QFormLayout *form, const QString &label, const QString &name)
{
    auto *value = new QLabel;
    value->setObjectName(name);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_values[name] = value;
    form->addRow(label, value);
    return value;
}

bool DatabaseProperties::refresh(const LabSnapshot &snapshot)
{
    const StorageGroupSnapshot *sg =
        ConsoleActions::storageGroup(snapshot, m_identity.section(QLatin1Char('\\'), 0, 1));
    const DatabaseSnapshot *db = ConsoleActions::database(snapshot, m_identity);
    if (!sg || !db)
        return false;
    m_values[QStringLiteral("identity")]->setText(m_identity);
    m_values[QStringLiteral("storageGroup")]->setText(sg->record.identity());
    m_values[QStringLiteral("server")]->setText(sg->record.server);
    m_values[QStringLiteral("databasePath")]->setText(db->record.edbFilePath);
    m_values[QStringLiteral("logPath")]->setText(sg->record.logFolderPath);
    m_values[QStringLiteral("status")]->setText(db->mounted ? tr("Mounted")
                                                : db->mountError.isEmpty()
                                                    ? tr("Dismounted")
                                                    : tr("Failed to mount: %1").arg(db->mountError));
    m_values[QStringLiteral("lastFullBackup")]->setText(
        db->lastFullBackupMs > 0 ? propertyTime(db->lastFullBackupMs, snapshot.nowMs) : tr("Never"));
    m_values[QStringLiteral("size")]->setText(propertySize(db->sizeBytes));
    m_values[QStringLiteral("size")]->setProperty("rawValue", db->sizeBytes);
    m_values[QStringLiteral("mailboxes")]->setText(QLocale().toString(db->mailboxes));
    m_values[QStringLiteral("guid")]->setText(db->record.guid.toString(QUuid::WithoutBraces));
    // The checkboxes follow the lab unless the administrator is changing them.
    const bool mountUntouched = m_doNotMount->isChecked() == !m_mountAtStartup;
    const bool restoreUntouched = m_allowRestore->isChecked() == m_allowFileRestore;
    m_mountAtStartup = db->record.mountAtStartup;
    m_allowFileRestore = db->record.allowFileRestore;
    if (mountUntouched) {
        const QSignalBlocker block(m_doNotMount);
        m_doNotMount->setChecked(!m_mountAtStartup);
    }
    if (restoreUntouched) {
        const QSignalBlocker block(m_allowRestore);
        m_allowRestore->setChecked(m_allowFileRestore);
    }
    return true;
}

QString DatabaseProperties::command() const
{
    const auto changed = [](bool now, bool was) {
        return now != was ? std::optional<bool>(now) : std::nullopt;
    };
    return cmdlets::setMailboxDatabaseCommand(m_identity,
                                              changed(m_allowRestore->isChecked(), m_allowFileRestore),
                                              changed(!m_doNotMount->isChecked(), m_mountAtStartup));
}

QStringList DatabaseProperties::commands() const
{
    const QString c = command();
    return c.isEmpty() ? QStringList() : QStringList{c};
}

void DatabaseProperties::applied()
{
    m_mountAtStartup = !m_doNotMount->isChecked();
    m_allowFileRestore = m_allowRestore->isChecked();
}

QString DatabaseProperties::goneText() const
{
    return tr("The database %1 is gone. The values shown are the last it had.").arg(m_identity);
}

} // namespace scr
