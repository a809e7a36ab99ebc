#include "storagegroupproperties.h"

#include "cmdlets/storagegroupcopy.h"
#include "command/commandline.h"
#include "models/consoleactions.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

QLabel *valueLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

// The copy's pipeline in EMC's words: what the Copy step is doing.
QString copyState(const CopyStatus &s)
{
    switch (s.summary) {
    case SummaryCopyStatus::Healthy:
        return s.copyQueueLength() > 0
                   ? StorageGroupProperties::tr("Copying (%1 logs to copy)").arg(s.copyQueueLength())
                   : StorageGroupProperties::tr("Up to date");
    case SummaryCopyStatus::Initializing:
        return StorageGroupProperties::tr("Initializing");
    case SummaryCopyStatus::Seeding:
        return StorageGroupProperties::tr("Waiting for the seed");
    case SummaryCopyStatus::Suspended:
        return StorageGroupProperties::tr("Suspended");
    case SummaryCopyStatus::Failed:
        return StorageGroupProperties::tr("Failed");
    case SummaryCopyStatus::ServiceDown:
        return StorageGroupProperties::tr("Service down");
    case SummaryCopyStatus::Disabled:
        return StorageGroupProperties::tr("Disabled");
    }
    return {};
}

// And the Replay step: held back by ReplayLagTime, replaying, or as the copy is.
QString replayState(const CopyStatus &s, qint64 replayLagMs)
{
    if (s.summary != SummaryCopyStatus::Healthy && s.summary != SummaryCopyStatus::Initializing)
        return copyState(s);
    if (s.replayQueueLength() == 0)
        return StorageGroupProperties::tr("Up to date");
    return replayLagMs > 0
               ? StorageGroupProperties::tr("%1 logs held back by the replay lag (%2)")
                     .arg(s.replayQueueLength())
                     .arg(ems::formatTimeSpan(replayLagMs))
               : StorageGroupProperties::tr("Replaying (%1 logs to replay)").arg(s.replayQueueLength());
}

QString yesNo(bool on)
{
    return on ? StorageGroupProperties::tr("Yes") : StorageGroupProperties::tr("No");
}

} // namespace

StorageGroupProperties::StorageGroupProperties(const QString &storageGroupIdentity, Run run, QWidget *parent)
    : PropertySheet(QStringLiteral("sg:") + storageGroupIdentity.toUpper(), std::move(run), parent),
      m_identity(storageGroupIdentity)
{
    setObjectName(QStringLiteral("storageGroupProperties"));
    setWindowTitle(tr("%1 Properties").arg(storageGroupIdentity));
    auto *general = new QWidget;
    auto *form = new QFormLayout(general);
    const auto row = [&](const QString &label, const char *name) {
        QLabel *value = valueLabel(QLatin1String(name));
        m_general[QLatin1String(name)] = value;
        form->addRow(label, value);
    };
    row(tr("Storage group:"), "Name");
    row(tr("Server:"), "Server");
    row(tr("Log path:"), "LogFolderPath");
    row(tr("System path:"), "SystemFolderPath");
    row(tr("Log file prefix:"), "LogFilePrefix");
    row(tr("Enable circular logging:"), "CircularLoggingEnabled");
    row(tr("Databases:"), "Databases");
    tabs()->addTab(general, tr("General"));
    resize(560, 560);
}

QWidget *StorageGroupProperties::copyTab(const QString &standby) const
{
    const auto it = m_copies.find(standby.toUpper());
    return it == m_copies.end() ? nullptr : it->second.page;
}

StorageGroupProperties::CopyTab &StorageGroupProperties::addCopyTab(const QString &standby)
{
    CopyTab &tab = m_copies[standby.toUpper()];
    tab.page = new QWidget;
    tab.page->setObjectName(QStringLiteral("copyTab:") + standby.toUpper());
    auto *layout = new QVBoxLayout(tab.page);
    tab.gone = new QLabel(tr("This SCR copy is gone: it was disabled."));
    tab.gone->setObjectName(QStringLiteral("copyGone"));
    tab.gone->setStyleSheet(QStringLiteral("color: #b03020; font-weight: bold;"));
    tab.gone->hide();
    layout->addWidget(tab.gone);
    const auto group = [&](const QString &title,
                           std::initializer_list<std::pair<QString, const char *>> rows) {
        auto *box = new QGroupBox(title);
        auto *form = new QFormLayout(box);
        for (const auto &[label, name] : rows) {
            QLabel *value = valueLabel(QLatin1String(name));
            tab.values[QLatin1String(name)] = value;
            form->addRow(label, value);
        }
        layout->addWidget(box);
        return form;
    };
    group(tr("Standby continuous replication status"), {{tr("Status:"), "status"},
                                                        {tr("Seeding:"), "seeding"},
                                                        {tr("Copy:"), "copy"},
                                                        {tr("Copy queue length:"), "copyQueueLength"},
                                                        {tr("Replay:"), "replay"},
                                                        {tr("Replay queue length:"), "replayQueueLength"},
                                                        {tr("Failure:"), "failedMessage"}});
    group(tr("Logs"), {{tr("Latest available log time:"), "latestAvailableLogTime"},
                       {tr("Last log copied time:"), "lastCopiedLogTime"},
                       {tr("Last log replayed time:"), "lastReplayedLogTime"}});
    QFormLayout *lags = group(tr("Lag times"), {{tr("Replay lag time:"), "replayLagTime"},
                                                {tr("Truncation lag time:"), "truncationLagTime"}});
    auto *lagNote =
        new QLabel(tr("Set when SCR is enabled (Enable-StorageGroupCopy -ReplayLagTime "
                      "-TruncationLagTime); to change them, disable the copy and enable it again."));
    lagNote->setWordWrap(true);
    lagNote->setEnabled(false);
    lags->addRow(lagNote);

    auto *suspendBox = new QGroupBox(tr("Suspend"));
    auto *suspendForm = new QFormLayout(suspendBox);
    tab.suspend = new QCheckBox(tr("&Suspend standby continuous replication for this copy"));
    tab.suspend->setObjectName(QStringLiteral("suspend"));
    tab.comment = new QLineEdit;
    tab.comment->setObjectName(QStringLiteral("suspendComment"));
    tab.comment->setPlaceholderText(tr("Why the copy is suspended, for the next administrator"));
    suspendForm->addRow(tab.suspend);
    suspendForm->addRow(tr("Administrative Suspend comment:"), tab.comment);
    layout->addWidget(suspendBox);
    layout->addStretch(1);
    connect(tab.suspend, &QCheckBox::toggled, this, [this, comment = tab.comment](bool on) {
        comment->setEnabled(on);
        edited();
    });
    connect(tab.comment, &QLineEdit::textEdited, this, [this] { edited(); });
    tab.comment->setEnabled(false);
    tabs()->addTab(tab.page, tr("SCR on %1").arg(standby.toUpper()));
    return tab;
}

void StorageGroupProperties::showCopy(CopyTab &tab, const CopySnapshot &copy, qint64 nowMs)
{
    const CopyStatus &s = copy.status;
    const QLocale locale;
    tab.values[QStringLiteral("status")]->setText(summaryCopyStatusName(s.summary));
    tab.values[QStringLiteral("seeding")]->setText(s.seeding ? tr("In progress") : tr("Not seeding"));
    tab.values[QStringLiteral("copy")]->setText(copyState(s));
    tab.values[QStringLiteral("copyQueueLength")]->setText(locale.toString(s.copyQueueLength()));
    tab.values[QStringLiteral("replay")]->setText(replayState(s, copy.record.replayLagMs));
    tab.values[QStringLiteral("replayQueueLength")]->setText(locale.toString(s.replayQueueLength()));
    tab.values[QStringLiteral("failedMessage")]->setText(s.failedMessage.isEmpty() ? tr("None")
                                                                                   : s.failedMessage);
    tab.values[QStringLiteral("latestAvailableLogTime")]->setText(
        propertyTime(s.latestAvailableLogTime, nowMs));
    tab.values[QStringLiteral("lastCopiedLogTime")]->setText(propertyTime(s.lastCopiedLogTime, nowMs));
    tab.values[QStringLiteral("lastReplayedLogTime")]->setText(propertyTime(s.lastReplayedLogTime, nowMs));
    tab.values[QStringLiteral("replayLagTime")]->setText(ems::formatTimeSpan(copy.record.replayLagMs));
    tab.values[QStringLiteral("truncationLagTime")]->setText(
        ems::formatTimeSpan(copy.record.truncationLagMs));
    // The suspension follows the lab unless the administrator is changing it.
    const bool suspendUntouched = tab.suspend->isChecked() == tab.suspended;
    const bool commentUntouched = tab.comment->text() == tab.suspendComment;
    tab.suspended = copy.record.suspended;
    tab.suspendComment = copy.record.suspendComment;
    if (suspendUntouched) {
        const QSignalBlocker block(tab.suspend);
        tab.suspend->setChecked(tab.suspended);
    }
    if (commentUntouched)
        tab.comment->setText(tab.suspendComment);
    tab.comment->setEnabled(tab.suspend->isChecked());
}

bool StorageGroupProperties::refresh(const LabSnapshot &snapshot)
{
    const StorageGroupSnapshot *sg = ConsoleActions::storageGroup(snapshot, m_identity);
    if (!sg) {
        for (auto &[standby, tab] : m_copies) {
            tab.existed = tab.exists;
            tab.exists = false;
        }
        return false;
    }
    const StorageGroupRecord &r = sg->record;
    m_general[QStringLiteral("Name")]->setText(r.name);
    m_general[QStringLiteral("Server")]->setText(r.server);
    m_general[QStringLiteral("LogFolderPath")]->setText(r.logFolderPath);
    m_general[QStringLiteral("SystemFolderPath")]->setText(r.systemFolderPath);
    m_general[QStringLiteral("LogFilePrefix")]->setText(r.logPrefix);
    m_general[QStringLiteral("CircularLoggingEnabled")]->setText(yesNo(r.circularLogging));
    QStringList databases;
    for (const DatabaseSnapshot &db : sg->databases)
        databases << db.record.name;
    m_general[QStringLiteral("Databases")]->setText(
        databases.isEmpty() ? tr("None") : databases.join(QStringLiteral(", ")));
    for (auto &[standby, tab] : m_copies) {
        tab.existed = tab.exists;
        tab.exists = false;
    }
    for (const CopySnapshot &c : sg->copies) {
        const QString standby = c.record.standbyMachine.toUpper();
        auto it = m_copies.find(standby);
        CopyTab &tab = it != m_copies.end() ? it->second : addCopyTab(standby);
        tab.exists = true;
        if (!tab.existed) { // enabled again: what was left in its editors is dropped
            const QSignalBlocker block(tab.suspend);
            tab.suspend->setChecked(tab.suspended);
            tab.comment->setText(tab.suspendComment);
        }
        showCopy(tab, c, snapshot.nowMs);
    }
    for (auto &[standby, tab] : m_copies) {
        tab.gone->setVisible(!tab.exists);
        tab.page->setEnabled(true);
        for (QWidget *w : tab.page->findChildren<QGroupBox *>())
            w->setEnabled(tab.exists);
    }
    return true;
}

QString StorageGroupProperties::copyCommand(const QString &standby, const CopyTab &tab) const
{
    if (!tab.exists)
        return {};
    const bool suspend = tab.suspend->isChecked();
    if (suspend && (!tab.suspended || tab.comment->text() != tab.suspendComment))
        return cmdlets::suspendCommand(m_identity, standby, tab.comment->text())
            .sw(QStringLiteral("Confirm"), false)
            .text();
    if (!suspend && tab.suspended)
        return cmdlets::copyCommand(QStringLiteral("Resume-StorageGroupCopy"), m_identity, standby).text();
    return {};
}

QStringList StorageGroupProperties::commands() const
{
    QStringList out;
    for (const auto &[standby, tab] : m_copies)
        if (const QString command = copyCommand(standby, tab); !command.isEmpty())
            out << command;
    return out;
}

void StorageGroupProperties::applied()
{
    for (auto &[standby, tab] : m_copies) {
        if (!tab.exists)
            continue;
        tab.suspended = tab.suspend->isChecked();
        tab.suspendComment = tab.suspended ? tab.comment->text() : QString();
        if (!tab.suspended)
            tab.comment->clear(); // Resume clears the comment, as the cmdlet does
    }
}

QString StorageGroupProperties::goneText() const
{
    return tr("The storage group %1 is gone. The values shown are the last it had.").arg(m_identity);
}

} // namespace scr
