#pragma once
// ConsoleFixture: the console window on a fresh demo lab, reached through a LocalLabClient (the lab on a
// thread of its own), as in scr-console; what the GUI tests share to click through it (select an item, press
// an action, run a command and wait for its answer, drive a wizard page by page). One per test function:
// start() in init(), stop() in cleanup(); the lab's folder is removed with it.

#include "cmdlets/wizardflow.h"
#include "consolewindow.h"

#include <memory>
#include <optional>

#include <QString>

class QPushButton;
class QTemporaryDir;

namespace scr {
class LabClient;
class ScrWizard;
struct DatabaseSnapshot;
} // namespace scr

namespace scr::test {

class ConsoleFixture
{
public:
    ConsoleFixture();
    ~ConsoleFixture();

    // A new demo lab, its worker and a shown window; false (with a warning) when the tree did not appear.
    bool start();
    void stop();

    scr::ConsoleWindow *window() const { return m_window.get(); }
    scr::LabClient *client() const { return m_client.get(); }
    QString labDir() const;

    // Selects the tree item of key ("sg:MBX1\SG1", "copy:MBX1\SG1>MBX3", "server:MBX1"); false if absent.
    bool select(const QString &key);
    // The action pane's button with exactly this text, or null.
    QPushButton *actionButton(const QString &text) const;
    // Runs script as the shell pane would and waits for its answer (a minute at most): whatever was queued
    // before has run and its snapshot arrived. The output, or nothing with the error in *error.
    std::optional<QString> run(const QString &script, QString *error = nullptr);
    // Waits until key's tree item exists (10 s).
    bool waitForItem(const QString &key);
    const scr::DatabaseSnapshot *database(const QString &identity) const; // "MBX1\SG1\DB1"

    // Opens a wizard as an administrator does: selects key's tree item, waits for the action pane's entry
    // actionText (10 s) and clicks it; the wizard it opened, or null (with a warning).
    template <typename W> W *openByAction(const QString &key, const QString &actionText)
    {
        return qobject_cast<W *>(openByAction(key, actionText));
    }
    scr::ScrWizard *openByAction(const QString &key, const QString &actionText);
    // The wizard the window opened last (the active one), or null.
    template <typename W> W *wizard() const { return qobject_cast<W *>(openWizard()); }
    scr::ScrWizard *openWizard() const;
    // Waits for the pre-flight checks of the wizard's current page to have answered (20 s).
    static bool waitForPreflight(scr::ScrWizard *wizard);
    // The wizard's pre-flight checks with this outcome, one a line: "check: detail. Fix: fix" (for a test's
    // contains() and its failure message).
    static QString checksSaying(const scr::ScrWizard *wizard, scr::PreflightCheck::Outcome outcome);
    // Clicks Next (or Commit) until the wizard shows page id, waiting for the pre-flight where it comes;
    // false (with a warning naming the page it stopped on and why) when Next is unavailable before.
    static bool nextUntil(scr::ScrWizard *wizard, int pageId);
    // From the commit page: clicks it and waits (two minutes at most) for the completion page.
    static bool runToCompletion(scr::ScrWizard *wizard);

    // The objects the wizards change, as the shell lists them: servers, storage groups and their paths,
    // databases (mounted or not, their files), SCR copies and where each mailbox lives. Run it on two labs
    // (the wizard's, through run(); the shell's, through shell()) and compare the texts.
    static QString stateScript();
    // stateScript()'s text without what differs between two demo labs by chance: the system mailboxes'
    // names carry a random GUID (and Get-Mailbox sorts by name), so they are named alike and lines sorted.
    static QString comparableState(QString state);
    // Runs scr-shell with args ("--lab", DIR, "-c", SCRIPT or a .ps1 file); its output when it exited 0,
    // else nothing with its output and exit code in *error.
    static std::optional<QString> shell(const QStringList &args, QString *error = nullptr);
    // README's screenshots: when SCR_SCREENSHOTS names a folder, saves widget as <folder>/<name>.png (run the
    // test under xvfb-run with -platform xcb for a real window); otherwise does nothing.
    static void screenshot(QWidget *widget, const QString &name);

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<scr::LabClient> m_client;
    std::unique_ptr<scr::ConsoleWindow> m_window;
};

} // namespace scr::test
