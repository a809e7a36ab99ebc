// Every interactive widget of the console window and of the four wizards' pages has a name a screen reader
// can say: what QAccessible gives (its own text, its label's through setBuddy, or an accessible name), not
// only a colour or an icon. Checked on a fresh demo lab through the console window, page by page.

#include "consolefixture.h"
#include "enablecopywizard.h"
#include "portabilitywizard.h"
#include "preparetargetwizard.h"
#include "recoverserverwizard.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTextEdit>

using namespace scr;
using scr::test::ConsoleFixture;

namespace {

bool interactive(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
           qobject_cast<const QAbstractSpinBox *>(w) || qobject_cast<const QComboBox *>(w) ||
           qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QPlainTextEdit *>(w) ||
           qobject_cast<const QTextEdit *>(w) || qobject_cast<const QAbstractSlider *>(w);
}

// The interactive widgets under root that are shown and take focus, and have no accessible name.
QStringList unnamed(QWidget *root)
{
    QStringList found;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (!interactive(w) || !w->isVisibleTo(root) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QLineEdit *>(w) && (qobject_cast<QAbstractSpinBox *>(w->parentWidget()) ||
                                             qobject_cast<QComboBox *>(w->parentWidget())))
            continue; // a spin box's or combo box's own editor: the box is named
        if (qobject_cast<QAbstractSlider *>(w) && w->parentWidget() &&
            qobject_cast<QAbstractItemView *>(w->parentWidget()->parentWidget()))
            continue; // a view's own scroll bar: the view is named
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        const QString name = iface ? iface->text(QAccessible::Name).trimmed() : QString();
        if (name.isEmpty())
            found << QStringLiteral("%1 '%2' in %3")
                         .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(),
                              w->parentWidget() ? w->parentWidget()->objectName() : QString());
    }
    return found;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    // Opens the wizard of the action text on item key, then checks every page up to the pre-flight.
    void checkWizard(const QString &key, const QString &action)
    {
        ScrWizard *wizard = m_console->openByAction(key, action);
        QVERIFY(wizard);
        QStringList missing;
        for (int guard = 0; guard < 12 && wizard->currentId() < ScrWizard::PreflightPage; ++guard) {
            QTest::qWait(300); // the page's lab answer (lists) arrives
            for (const QString &m : unnamed(wizard))
                missing << QStringLiteral("page %1: %2").arg(wizard->currentId()).arg(m);
            if (!wizard->button(QWizard::NextButton)->isEnabled() &&
                !QTest::qWaitFor([&] { return wizard->button(QWizard::NextButton)->isEnabled(); }, 10000))
                break;
            wizard->next();
        }
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage)); // every configuration page was seen
        {
            QVERIFY(ConsoleFixture::waitForPreflight(wizard));
            for (const QString &m : unnamed(wizard))
                missing << QStringLiteral("pre-flight: %1").arg(m);
        }
        wizard->button(QWizard::CancelButton)->click();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }
    void cleanup() { m_console.reset(); }

    void theConsoleWindow()
    {
        QVERIFY(m_console->select(QStringLiteral("db:MBX1\\SG1\\DB1")));
        QTest::qWait(300);
        const QStringList missing = unnamed(m_console->window());
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }

    void theWizards()
    {
        QVERIFY(m_console->run(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                           "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles")));
        QVERIFY(m_console->waitForItem(QStringLiteral("copy:MBX1\\SG1>MBX3")));
        checkWizard(QStringLiteral("sg:MBX1\\SG2"), QStringLiteral("Enable SCR for MBX1\\SG2..."));
        checkWizard(QStringLiteral("server:MBX3"), QStringLiteral("Prepare SCR targets on MBX3..."));
        checkWizard(QStringLiteral("copy:MBX1\\SG1>MBX3"),
                    QStringLiteral("Activate SCR copy MBX1\\SG1 on MBX3 by database portability..."));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));
        checkWizard(QStringLiteral("server:MBX1"),
                    QStringLiteral("Recover server MBX1 from its SCR copies..."));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
