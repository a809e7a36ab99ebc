#include "consolefixture.h"

#include "client/locallabclient.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "models/consoleactions.h"
#include "models/organizationmodel.h"
#include "scrwizard.h"
#include "testsupport.h"

#include <QAbstractButton>
#include <QApplication>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace scr::test {

ConsoleFixture::ConsoleFixture() = default;

ConsoleFixture::~ConsoleFixture()
{
    stop();
}

bool ConsoleFixture::start()
{
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid() || !DemoLab::create(m_dir->path(), SystemClock::instance()).hasValue()) {
        qWarning("the demo lab could not be made");
        return false;
    }
    m_client = std::make_unique<LocalLabClient>(m_dir->path());
    m_window = std::make_unique<ConsoleWindow>();
    m_window->attach(m_client.get());
    m_window->show();
    return waitForItem(QStringLiteral("db:MBX1\\SG1\\DB1"));
}

void ConsoleFixture::stop()
{
    m_window.reset();
    m_client.reset(); // the lab closes: its thread ends
    m_dir.reset();
}

QString ConsoleFixture::labDir() const
{
    return m_dir ? m_dir->path() : QString();
}

bool ConsoleFixture::select(const QString &key)
{
    auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
    const QModelIndex index = m_window->organization()->indexOfKey(key);
    if (!tree || !index.isValid()) {
        qWarning("no tree item %s", qPrintable(key));
        return false;
    }
    tree->setCurrentIndex(index);
    return true;
}

QPushButton *ConsoleFixture::actionButton(const QString &text) const
{
    QStringList offered;
    for (QPushButton *b :
         m_window->findChild<QWidget *>(QStringLiteral("actionPane"))->findChildren<QPushButton *>()) {
        if (b->text() == text)
            return b;
        offered << b->text();
    }
    qWarning("no action '%s'; the pane offers: %s", qPrintable(text),
             qPrintable(offered.join(QStringLiteral(" | "))));
    return nullptr;
}

std::optional<QString> ConsoleFixture::run(const QString &script, QString *error)
{
    std::optional<std::tuple<bool, QString, QString>> outcome;
    qint64 id = -1;
    const QMetaObject::Connection c =
        QObject::connect(m_client.get(), &LabClient::scriptFinished, m_window.get(),
                         [&](qint64 finished, const ems::ScriptOutput &out) {
                             if (finished == id)
                                 outcome.emplace(out.ok, out.text, out.errorText());
                         });
    id = m_window->runCommand(script);
    const bool ended = QTest::qWaitFor([&] { return outcome.has_value(); }, 60000);
    QObject::disconnect(c);
    if (!ended) {
        if (error)
            *error = script + QStringLiteral(": no answer within a minute");
        return std::nullopt;
    }
    if (!std::get<0>(*outcome)) {
        if (error)
            *error = script + QStringLiteral(": ") + std::get<2>(*outcome);
        return std::nullopt;
    }
    return std::get<1>(*outcome);
}

bool ConsoleFixture::waitForItem(const QString &key)
{
    return QTest::qWaitFor([&] { return m_window->organization()->indexOfKey(key).isValid(); }, 10000);
}

const DatabaseSnapshot *ConsoleFixture::database(const QString &identity) const
{
    return ConsoleActions::database(m_window->snapshot(), identity);
}

ScrWizard *ConsoleFixture::openByAction(const QString &key, const QString &actionText)
{
    if (!waitForItem(key) || !select(key))
        return nullptr;
    QPushButton *button = nullptr;
    if (!QTest::qWaitFor([&] { return (button = actionButton(actionText)) != nullptr; }, 10000))
        return nullptr;
    button->click();
    ScrWizard *wizard = openWizard();
    if (!wizard)
        qWarning("'%s' opened no wizard", qPrintable(actionText));
    return wizard;
}

ScrWizard *ConsoleFixture::openWizard() const
{
    ScrWizard *last = nullptr;
    for (ScrWizard *w : m_window->findChildren<ScrWizard *>(QString(), Qt::FindDirectChildrenOnly))
        if (w->isVisible())
            last = w;
    return last;
}

bool ConsoleFixture::waitForPreflight(ScrWizard *wizard)
{
    return QTest::qWaitFor([wizard] { return wizard->preflightDone(); }, 20000);
}

QString ConsoleFixture::checksSaying(const ScrWizard *wizard, PreflightCheck::Outcome outcome)
{
    QStringList lines;
    for (const PreflightCheck &c : wizard->checks())
        if (c.outcome == outcome)
            lines << c.check + QStringLiteral(": ") + c.detail + QStringLiteral(". Fix: ") + c.fix;
    return lines.join(QLatin1Char('\n'));
}

bool ConsoleFixture::nextUntil(ScrWizard *wizard, int pageId)
{
    for (int guard = 0; guard < 20 && wizard->currentId() != pageId; ++guard) {
        if (wizard->currentId() == ScrWizard::PreflightPage && !waitForPreflight(wizard)) {
            qWarning("the pre-flight checks did not answer within 20 s");
            return false;
        }
        const int before = wizard->currentId();
        QAbstractButton *next = wizard->button(wizard->currentPage()->isCommitPage() ? QWizard::CommitButton
                                                                                     : QWizard::NextButton);
        if (!next->isEnabled()) {
            QString why;
            for (const PreflightCheck &c : wizard->checks())
                if (c.outcome == PreflightCheck::Outcome::Fail)
                    why += c.check + QStringLiteral(": ") + c.detail + QLatin1Char(' ');
            qWarning("Next is unavailable on page %d (%s) %s", before,
                     qPrintable(wizard->currentPage()->title()), qPrintable(why));
            return false;
        }
        if (before == pageId)
            break;
        next->click();
        if (wizard->currentId() == before) {
            qWarning("the wizard stayed on page %d", before);
            return false;
        }
    }
    return wizard->currentId() == pageId;
}

bool ConsoleFixture::runToCompletion(ScrWizard *wizard)
{
    if (!wizard->currentPage()->isCommitPage()) {
        qWarning("not on the commit page (page %d)", wizard->currentId());
        return false;
    }
    if (!wizard->button(QWizard::CommitButton)->isEnabled()) {
        qWarning("the commit button is unavailable on page %d", wizard->currentId());
        return false;
    }
    wizard->button(QWizard::CommitButton)->click();
    if (!QTest::qWaitFor([wizard] { return wizard->currentId() == ScrWizard::CompletionPage; }, 120000)) {
        qWarning("the wizard did not complete within two minutes");
        return false;
    }
    return true;
}

QString ConsoleFixture::stateScript()
{
    return QStringLiteral("Get-ExchangeServer | ft Name; "
                          "Get-StorageGroup | ft Identity,LogFolderPath,SystemFolderPath; "
                          "Get-MailboxDatabase -Status | ft Identity,EdbFilePath,Mounted; "
                          "Get-StorageGroupCopyStatus | ft Identity,StandbyMachine,SummaryCopyStatus; "
                          "Get-Mailbox | ft Name,Database");
}

QString ConsoleFixture::comparableState(QString state)
{
    static const QRegularExpression guid(QStringLiteral("SystemMailbox\\{[0-9a-fA-F-]+\\}"));
    state.replace(guid, QStringLiteral("SystemMailbox{...}"));
    QStringList lines = state.split(QLatin1Char('\n'));
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

std::optional<QString> ConsoleFixture::shell(const QStringList &args, QString *error)
{
    const ProcessRun r = runProcess(QStringLiteral(SCR_SHELL), args, 120000);
    if (r.exitCode != 0 || r.crashed) {
        if (error)
            *error = QStringLiteral("scr-shell %1: exit %2\n%3%4")
                         .arg(args.join(QLatin1Char(' ')))
                         .arg(r.exitCode)
                         .arg(r.out, r.err);
        return std::nullopt;
    }
    return r.out;
}

void ConsoleFixture::screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("SCR_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QTest::qWait(200); // let the page finish laying out and painting
    const QString path = folder + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!widget->grab().save(path))
        qWarning("could not save %s", qPrintable(path));
}

} // namespace scr::test
