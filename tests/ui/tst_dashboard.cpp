// The Replication Dashboard in the console, on a real lab: one cell a copy; a suspended copy under mail
// flow crosses the CopyQueueLength threshold and is drawn in the alert colours with a marker in the
// dashboard, the tree and the result pane, with one Warning event (9100) and a line in the lab's log;
// Tools > Settings changes the thresholds (saved, judged again at once, kept after a restart); clicking a
// cell selects the copy in the tree. The queue chart: distinct time labels on whole UTC steps for each
// window, whole-log ticks, the virtual clock after a restart with nothing selected, the threshold drawn,
// several copies at once, and nothing left of a copy that is gone.

#include "alertdelegate.h"
#include "consolewindow.h"
#include "core/clock.h"
#include "core/logging.h"
#include "lab/demolab.h"
#include "client/locallabclient.h"
#include "language.h"
#include "labfixture.h"
#include "models/copystatusmodel.h"
#include "models/dashboardmodel.h"
#include "models/displaytime.h"
#include "models/eventlogmodel.h"
#include "models/organizationmodel.h"
#include "objecticons.h"
#include "queuechart.h"
#include "replicationdashboard.h"
#include "settingsdialog.h"
#include "testsupport.h"

#include <cmath>
#include <optional>
#include <set>

#include <spdlog/spdlog.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace scr;

namespace {

const QString kCopyKey = QStringLiteral("copy:MBX1\\SG1>MBX3");
const CopyKey kCopy{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")};

// Runs act on the next modal dialog once it is up, then rejects it if act left it open (so a failure does
// not hang the test). act records; the test asserts after the dialog closed.
void onNextModal(std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        act(modal);
        if (auto *dialog = qobject_cast<QDialog *>(modal); dialog && dialog->isVisible())
            dialog->reject();
    });
    timer->start();
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template; // one demo lab, copied for each function
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabClient> m_client;
    std::unique_ptr<ConsoleWindow> m_window;

    void startConsole()
    {
        m_client = std::make_unique<LocalLabClient>(m_dir->path());
        m_window = std::make_unique<ConsoleWindow>();
        m_window->attach(m_client.get());
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 20000);
    }
    void stopConsole()
    {
        if (!m_window)
            return;
        m_window->close();
        m_window.reset();
        m_client.reset(); // the lab closes: its thread ends
    }
    // Runs a script in the console's lab and waits for it (and the snapshot it brings); false if it failed.
    bool run(const QString &script)
    {
        std::optional<bool> ok;
        qint64 id = -1;
        const QMetaObject::Connection c =
            connect(m_window->client(), &LabClient::scriptFinished, this,
                    [&](qint64 finished, const ems::ScriptOutput &out) {
                        const bool good = out.ok;
                        const QString e = out.errorText();
                        if (finished != id)
                            return;
                        ok = good;
                        if (!good)
                            qWarning("%s: %s", qPrintable(script), qPrintable(e));
                    });
        id = m_window->runCommand(script);
        const bool ended = QTest::qWaitFor([&] { return ok.has_value(); }, 120000);
        disconnect(c);
        return ended && ok.value_or(false);
    }
    bool select(const QString &key)
    {
        const QModelIndex index = m_window->organization()->indexOfKey(key);
        if (!index.isValid())
            return false;
        m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"))->setCurrentIndex(index);
        return true;
    }
    QString currentTreeKey() const
    {
        return m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"))
            ->currentIndex()
            .data(OrganizationModel::KeyRole)
            .toString();
    }
    qint64 copyId(const CopyKey &key) const
    {
        for (const CopySnapshot &c : m_window->snapshot().allCopies())
            if (key.matches(c.status.identity, c.record.standbyMachine))
                return c.record.id;
        return 0;
    }
    // The console's events with an id.
    std::vector<EventRecord> events(int eventId) const
    {
        std::vector<EventRecord> out;
        const EventLogModel *model = m_window->events();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->event(r).eventId == eventId)
                out.push_back(model->event(r));
        return out;
    }
    // MBX1\SG1 replicated to MBX3 and suspended while mail flows for half a virtual hour: its copy queue
    // (about 180 logs) is far above the default threshold of 50.
    bool suspendedUnderMail()
    {
        return run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 100; Step-Simulation "
            "0.00:02:00; "
            "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -SuspendComment 'patch day'; "
            "Step-Simulation 0.00:30:00"));
    }
    DashboardModel *cells() const { return m_window->dashboard()->model(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);       // layout and thresholds go to a test location
        QVERIFY(installLanguage(QStringLiteral("en"))); // English's plurals: "1 SCR copy"
        test::ManualClock clock; // the lab's virtual clock starts in November 2023, far from the wall clock
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
        startConsole();
    }
    void cleanup()
    {
        stopConsole();
        m_dir.reset();
        QSettings().clear();
    }

    void theDashboardIsADockWithACellPerCopy()
    {
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("dashboardDock"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Replication Dashboard"));
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("viewMenu"))
                    ->actions()
                    .contains(dock->toggleViewAction()));
        QCOMPARE(cells()->rowCount(), 0);
        QVERIFY(run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                                   "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX4; "
                                   "Enable-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX4")));
        QTRY_COMPARE(cells()->rowCount(), 3);
        QCOMPARE(cells()->rowCount(), m_window->copyStatus()->rowCount());
        std::set<QString> names;
        for (int r = 0; r < cells()->rowCount(); ++r)
            names.insert(cells()->index(r).data().toString());
        QCOMPARE(names,
                 (std::set<QString>{QStringLiteral("MBX1\\SG1 on MBX3"), QStringLiteral("MBX1\\SG1 on MBX4"),
                                    QStringLiteral("MBX2\\SG2 on MBX4")}));
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("dashboardSummary"))->text(),
                 QStringLiteral("3 SCR copies"));
        auto *grid = m_window->findChild<QListView *>(QStringLiteral("dashboardGrid"));
        QVERIFY(grid);
        QCOMPARE(grid->model()->rowCount(), 3);
        for (int r = 0; r < 3; ++r) // not in alert: the status's tint, no marker
            QVERIFY(!DashboardCellDelegate::look(cells()->index(r)).marker);
    }

    void aCrossingIsDrawnInTheAlertColourWithAMarkerAndRaisesOneWarning()
    {
        QVERIFY(
            logging::attachToLab(m_dir->path()).hasValue()); // the console's spdlog lines in the lab's log
        QVERIFY(suspendedUnderMail());
        QTRY_VERIFY_WITH_TIMEOUT(cells()->rowCount() == 1 && cells()->health(0).inAlert(), 10000);
        const CopyHealth h = cells()->health(0); // a copy: the model moves on with each snapshot
        QVERIFY2(h.copyQueue > 50, qPrintable(QString::number(h.copyQueue)));
        const QString reason = QStringLiteral("CopyQueueLength %1 logs > 50").arg(h.copyQueue);
        QCOMPARE(h.reasons(), reason);

        // The dashboard's cell: alert fill and border, the marker, the reasons in its tooltip.
        const QModelIndex cell = cells()->index(0);
        const DashboardCellLook look = DashboardCellDelegate::look(cell);
        QCOMPARE(look.fill, DashboardCellDelegate::alertFill());
        QCOMPARE(look.border, DashboardCellDelegate::alertColour());
        QCOMPARE(look.stripe,
                 DashboardCellDelegate::statusColour(ObjectState::Suspended)); // status still told
        QVERIFY(look.marker);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(reason));
        QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("dashboardSummary"))->text(),
                 QStringLiteral("1 SCR copy: 1 suspended, 1 crossing a threshold"));
        // As drawn: the marker's triangle and the alert fill, read back from the screen.
        auto *grid = m_window->findChild<QListView *>(QStringLiteral("dashboardGrid"));
        const QRect rect = m_window->dashboard()->cellRect(kCopy);
        QVERIFY(!rect.isEmpty());
        const QImage shot = grid->viewport()->grab().toImage();
        const QRect marker = DashboardCellDelegate::markerRect(rect.adjusted(2, 2, -2, -2));
        const double ratio = shot.devicePixelRatio();
        const auto pixel = [&](QPoint p) {
            return shot.pixelColor(QPoint(int(p.x() * ratio), int(p.y() * ratio)));
        };
        QCOMPARE(pixel(QPoint(marker.center().x() - 3, marker.bottom() - 2)),
                 DashboardCellDelegate::alertColour());
        QCOMPARE(pixel(QPoint(rect.left() + 12, rect.bottom() - 6)), DashboardCellDelegate::alertFill());

        // The tree's item and the result pane's row: the alert background, and the marker on the icon.
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        const QModelIndex item = m_window->organization()->indexOfKey(kCopyKey);
        QCOMPARE(item.data(AlertRole).toBool(), true);
        auto *treeDelegate = dynamic_cast<AlertDelegate *>(tree->itemDelegate());
        QVERIFY(treeDelegate);
        const QStyleOptionViewItem treeOption = treeDelegate->optionFor(item);
        QCOMPARE(treeOption.backgroundBrush.color(), AlertDelegate::alertBackground());
        QVERIFY(treeOption.font.bold());
        const QImage plain = ObjectIcons::forIndex(item).pixmap(16, 16).toImage();
        const QImage marked = treeOption.icon.pixmap(16, 16).toImage();
        QVERIFY(!marked.isNull());
        QVERIFY2(plain.convertToFormat(QImage::Format_ARGB32) !=
                     marked.convertToFormat(QImage::Format_ARGB32),
                 "the tree's icon has no marker");
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"));
        const QModelIndex row = table->model()->index(0, CopyStatusModel::CopyQueueColumn);
        auto *rowDelegate = dynamic_cast<AlertDelegate *>(table->itemDelegateForIndex(row));
        QVERIFY(rowDelegate);
        QCOMPARE(rowDelegate->optionFor(row).backgroundBrush.color(), AlertDelegate::alertBackground());
        QCOMPARE(rowDelegate->optionFor(row).palette.color(QPalette::Text), AlertDelegate::alertText());
        const QModelIndex name = table->model()->index(0, CopyStatusModel::NameColumn);
        auto *nameDelegate = dynamic_cast<AlertDelegate *>(table->itemDelegateForIndex(name));
        QVERIFY(nameDelegate);
        QVERIFY(nameDelegate->optionFor(name).icon.pixmap(16, 16).toImage().convertToFormat(
                    QImage::Format_ARGB32) != plain.convertToFormat(QImage::Format_ARGB32));
        // A copy not in alert is drawn as before.
        const QModelIndex sg = m_window->organization()->indexOfKey(QStringLiteral("sg:MBX1\\SG1"));
        QVERIFY(treeDelegate->optionFor(sg).backgroundBrush.style() == Qt::NoBrush);

        // One Warning event naming the copy and the reason, however many snapshots follow.
        std::vector<EventRecord> warnings = events(9100);
        QCOMPARE(warnings.size(), std::size_t(1));
        QCOMPARE(warnings.front().level, QStringLiteral("Warning"));
        QCOMPARE(warnings.front().source, QStringLiteral("SCR Console"));
        QVERIFY2(warnings.front().text.contains(QStringLiteral("MBX1\\SG1 on MBX3")),
                 qPrintable(warnings.front().text));
        QVERIFY2(warnings.front().text.contains(reason), qPrintable(warnings.front().text));
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:05:00")));
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:05:00")));
        QVERIFY(cells()->health(0).copyQueue > h.copyQueue);
        QCOMPARE(events(9100).size(), std::size_t(1));
        // And in the lab's log, through spdlog.
        logging::get("ui")->flush();
        QFile log(m_dir->path() + QStringLiteral("/logs/scr.log"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("event 9100: The SCR copy of MBX1\\SG1 on MBX3 crossed")),
                 qPrintable(text.right(2000)));
        QCOMPARE(text.count(QStringLiteral("event 9100")), 1);

        // Resumed, it catches up: back within, one Information event, the marker gone.
        QVERIFY(run(QStringLiteral(
            "Resume-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; Step-Simulation 0.00:10:00")));
        QTRY_VERIFY_WITH_TIMEOUT(!cells()->health(0).inAlert(), 10000);
        QCOMPARE(events(9101).size(), std::size_t(1));
        QVERIFY(!DashboardCellDelegate::look(cells()->index(0)).marker);
        QVERIFY(!m_window->organization()->indexOfKey(kCopyKey).data(AlertRole).toBool());
    }

    void theSettingsDialogChangesTheThresholds()
    {
        QVERIFY(suspendedUnderMail());
        QTRY_VERIFY_WITH_TIMEOUT(cells()->rowCount() == 1 && cells()->health(0).inAlert(), 10000);
        QCOMPARE(m_window->thresholds(), HealthThresholds{}); // the defaults
        QAction *settings = m_window->findChild<QAction *>(QStringLiteral("settingsAction"));
        QVERIFY(settings);
        QVERIFY(m_window->findChild<QMenu *>(QStringLiteral("toolsMenu"))->actions().contains(settings));
        QStringList seen;
        onNextModal([&seen](QWidget *dialog) {
            auto *copyQueue = dialog->findChild<QSpinBox *>(QStringLiteral("copyQueueLogs"));
            auto *replay = dialog->findChild<QSpinBox *>(QStringLiteral("replayQueueExtraLogs"));
            auto *age = dialog->findChild<QSpinBox *>(QStringLiteral("inspectedAgeMinutes"));
            auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
            if (!copyQueue || !replay || !age || !buttons)
                return;
            seen << QString::number(copyQueue->value()) + copyQueue->suffix()
                 << QString::number(replay->value()) + replay->suffix()
                 << QString::number(age->value()) + age->suffix();
            for (QSpinBox *box : {copyQueue, replay, age})
                if (!box->whatsThis().contains(QStringLiteral("Default:")))
                    seen << QStringLiteral("no What's This for ") + box->objectName();
            copyQueue->setValue(100000);
            age->setValue(1440);
            buttons->button(QDialogButtonBox::Ok)->click();
        });
        settings->trigger();
        QCOMPARE(seen, (QStringList{QStringLiteral("50 logs"), QStringLiteral("50 logs"),
                                    QStringLiteral("60 min")}));
        // Saved, and judged again at once: the copy is within 100000 logs.
        QCOMPARE(m_window->thresholds().copyQueueLogs, 100000);
        QCOMPARE(QSettings().value(QStringLiteral("dashboard/copyQueueLogs")).toInt(), 100000);
        QVERIFY(!cells()->health(0).inAlert());
        QVERIFY(!m_window->organization()->indexOfKey(kCopyKey).data(AlertRole).toBool());
        QCOMPARE(events(9101).size(), std::size_t(1));
        QVERIFY(m_window->findChild<QueueChart *>()->seriesNames().contains(
            QStringLiteral("CopyQueueLength threshold (100000 logs)")));
        // Kept after a restart.
        stopConsole();
        startConsole();
        QCOMPARE(m_window->thresholds().copyQueueLogs, 100000);
        QCOMPARE(m_window->thresholds().inspectedAgeMinutes, 1440);
        // A threshold of 0 puts the copy (copy queue above 0) in alert again.
        HealthThresholds zero = m_window->thresholds();
        zero.copyQueueLogs = 0;
        m_window->setThresholds(zero);
        QTRY_VERIFY_WITH_TIMEOUT(cells()->rowCount() == 1 && cells()->health(0).inAlert(), 10000);
        QCOMPARE(events(9100).size(), std::size_t(1));
    }

    // A dark palette (Breeze Dark, say) must not make a cell unreadable: the cell's fill is light, so its
    // inks are its own, with WCAG contrast of at least 4.5:1 for the text and 3:1 for the status word.
    void everyCellIsReadableWhateverThePalette()
    {
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const auto contrast = [&](const QColor &a, const QColor &b) {
            const double la = luminance(a), lb = luminance(b);
            return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
        };
        for (int s = int(ObjectState::Normal); s <= int(ObjectState::Disabled); ++s)
            for (const bool alert : {false, true}) {
                const DashboardCellLook l = DashboardCellDelegate::look(ObjectState(s), alert);
                const QByteArray what = QByteArray::number(s) + (alert ? " in alert" : "");
                QVERIFY2(contrast(l.text, l.fill) >= 4.5, what.constData());
                QVERIFY2(contrast(l.statusText, l.fill) >= 3.0, what.constData());
            }
        // The tree's red for failed and stopped items, on a light and on a dark Base.
        for (const QColor &base : {QColor(Qt::white), QColor(0x20, 0x20, 0x20)}) {
            QPalette p;
            p.setColor(QPalette::Base, base);
            QVERIFY2(contrast(AlertDelegate::attentionText(p), base) >= 4.5, qPrintable(base.name()));
        }
        // Drawn under a dark palette (white Text), the copy's name is still in dark ink on the light fill.
        QVERIFY(run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")));
        QTRY_COMPARE(cells()->rowCount(), 1);
        auto *grid = m_window->findChild<QListView *>(QStringLiteral("dashboardGrid"));
        QPalette dark = grid->palette();
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
        grid->setPalette(dark);
        const QRect cell = grid->visualRect(cells()->index(0)).adjusted(2, 2, -2, -2);
        const QImage image = grid->viewport()->grab().toImage();
        const QRect nameLine(cell.left() + 16, cell.top() + 4, cell.width() / 2,
                             QFontMetrics(grid->font()).height());
        int ink = 0;
        for (int y = nameLine.top(); y <= nameLine.bottom(); ++y)
            for (int x = nameLine.left(); x <= nameLine.right(); ++x)
                ink += QColor(image.pixel(x, y)).lightness() < 100 ? 1 : 0;
        QVERIFY2(ink > 10, qPrintable(QString::number(ink)));
    }

    void clickingACellSelectsTheCopy()
    {
        QVERIFY(run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                                   "Enable-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX4")));
        QTRY_COMPARE(cells()->rowCount(), 2);
        auto *grid = m_window->findChild<QListView *>(QStringLiteral("dashboardGrid"));
        m_window->findChild<QDockWidget *>(QStringLiteral("dashboardDock"))->raise();
        QTRY_VERIFY(grid->isVisible());
        const CopyKey other{QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4")};
        QSignalSpy selected(m_window->dashboard(), &ReplicationDashboard::copySelected);
        for (const CopyKey &key : {other, kCopy}) {
            const QRect rect = m_window->dashboard()->cellRect(key);
            QVERIFY(!rect.isEmpty());
            QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, rect.center());
            QCOMPARE(currentTreeKey(), key.toString());
            // The chart follows the tree.
            QCOMPARE(m_window->findChild<QueueChart *>()->copyId(), copyId(key));
        }
        QCOMPARE(selected.count(), 2);
        // The tree's selection marks the cell (without a copySelected of its own).
        QVERIFY(select(other.toString()));
        QCOMPARE(grid->currentIndex().data(DashboardModel::KeyRole).toString(), other.toString());
        QCOMPARE(selected.count(), 2);
    }

    // The axes as computed: distinct labels on whole steps for each window, whole-log ticks on 1-2-5.
    void chartAxesAreReadable_data()
    {
        QTest::addColumn<int>("window");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("labels");
        QTest::newRow("1 h") << int(QueueChart::LastHour) << displayTimeOfDayFormat() << 7;
        QTest::newRow("24 h") << int(QueueChart::LastDay)
                              << QString(QStringLiteral("dd ") + displayTimeOfDayFormat()) << 7;
        QTest::newRow("7 d") << int(QueueChart::LastWeek) << QStringLiteral("MMM dd") << 8;
    }
    void chartAxesAreReadable()
    {
        QFETCH(int, window);
        QFETCH(QString, format);
        QFETCH(int, labels);
        const auto w = static_cast<QueueChart::Window>(window);
        for (const qint64 now :
             {qint64(1'700'000'000'000), qint64(1'700'000'041'000), qint64(1'764'547'260'000)}) {
            const QueueChart::TimeAxis t = QueueChart::timeAxisFor(now, w);
            QCOMPARE(t.format, format);
            QCOMPARE(t.labels.size(), labels);
            QCOMPARE(QSet<QString>(t.labels.begin(), t.labels.end()).size(), labels); // all distinct
            QVERIFY(t.maxMs >= now && t.maxMs - now < t.stepMs);
            QCOMPARE(t.maxMs - t.minMs, QueueChart::windowMs(w));
            QCOMPARE(t.minMs % t.stepMs, 0); // whole UTC minutes, hours, days
            QCOMPARE(t.labels.last(), QDateTime::fromMSecsSinceEpoch(t.maxMs, Qt::UTC).toString(format));
        }
        for (const double highest : {0.0, 3.0, 14.0, 43.0, 50.0, 57.0, 73.0, 999.0, 12345.0}) {
            const QueueChart::LogAxis a = QueueChart::logAxisFor(highest);
            QVERIFY(a.step >= 1);
            QCOMPARE(a.max % a.step, 0);
            QVERIFY2(a.max > highest, qPrintable(QString::number(a.max)));
            QVERIFY2(a.max / a.step <= 6, qPrintable(QStringLiteral("%1/%2").arg(a.max).arg(a.step)));
            const int mantissa = a.step / int(std::pow(10, std::floor(std::log10(a.step))));
            QVERIFY2(mantissa == 1 || mantissa == 2 || mantissa == 5, qPrintable(QString::number(a.step)));
        }
        // Narrow (a small dock, 200 % scale): every second or third label, the newest always, none
        // overlapping.
        const QueueChart::TimeAxis t = QueueChart::timeAxisFor(1'700'000'000'000, w);
        for (const int plot : {0, 80, 200, 300, 1000}) {
            const auto shown = QueueChart::fittingLabels(t, 60, plot);
            QVERIFY(!shown.empty());
            QCOMPARE(shown.back().text, t.labels.last());
            QCOMPARE(shown.back().atMs, t.maxMs);
            if (plot == 0 || plot == 1000)
                QCOMPARE(int(shown.size()), labels); // unknown width, or room for all
            else
                QVERIFY2(int(shown.size()) * 60 <= plot || shown.size() == 1,
                         qPrintable(QString::number(plot)));
            for (std::size_t i = 1; i < shown.size(); ++i)
                QCOMPARE((shown[i].atMs - shown[i - 1].atMs) % t.stepMs, 0);
        }
        QCOMPARE(QueueChart::logAxisFor(57).step, 20); // not 0/14/28/43/57
        QCOMPARE(QueueChart::logAxisFor(57).max, 60);
    }

    // The live chart: a copy under mail flow, each window; then its threshold, on the virtual clock.
    void theChartShowsTheCopyOnTheVirtualClock()
    {
        QVERIFY(run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 100; Step-Simulation "
            "0.00:20:00")));
        QTRY_VERIFY(select(kCopyKey));
        auto *chart = m_window->findChild<QueueChart *>();
        QCOMPARE(chart->copyId(), copyId(kCopy));
        chart->refresh();
        QVERIFY(chart->pointCount() >= 1);
        auto *windows = chart->findChild<QComboBox *>(QStringLiteral("chartWindow"));
        QVERIFY(windows);
        QCOMPARE(windows->count(), 3);
        const qint64 now = m_window->snapshot().nowMs;
        for (int i = 0; i < windows->count(); ++i) {
            windows->setCurrentIndex(i);
            const QueueChart::TimeAxis expected = QueueChart::timeAxisFor(now, chart->window());
            // Every label or every n-th as the dock's width allows (fittingLabels), the newest always.
            const QStringList shown = chart->timeLabels();
            QVERIFY(!shown.isEmpty());
            QCOMPARE(shown.last(), expected.labels.last());
            for (const QString &label : shown)
                QVERIFY2(expected.labels.contains(label), qPrintable(label));
            QCOMPARE(chart->timeMaxMs(), expected.maxMs);
            QCOMPARE(chart->timeMinMs(), expected.minMs);
            const QStringList logs = chart->logLabels();
            QCOMPARE(QSet<QString>(logs.begin(), logs.end()).size(), logs.size());
            for (const QString &l : logs) {
                bool isInt = false;
                l.toInt(&isInt);
                QVERIFY2(isInt, qPrintable(l));
            }
            QCOMPARE(chart->logLabelFormat(), QStringLiteral("%d"));
            QVERIFY(chart->logAxis().max > 50); // the threshold is on the chart
        }
        QVERIFY(chart->seriesNames().contains(QStringLiteral("CopyQueueLength threshold (50 logs)")));
        QVERIFY(chart->seriesNames().contains(QStringLiteral("CopyQueueLength")));
        QVERIFY(chart->seriesNames().contains(QStringLiteral("ReplayQueueLength")));
        // A storage group charts all its copies.
        QVERIFY(run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX4; Step-Simulation 0.00:01:00")));
        QTRY_VERIFY(select(QStringLiteral("sg:MBX1\\SG1")));
        QTRY_COMPARE(chart->copyIds().size(), std::size_t(2));
        QVERIFY(chart->seriesNames().contains(QStringLiteral("MBX1\\SG1 on MBX4 CopyQueueLength")));
    }

    void theChartUsesTheVirtualClockAfterARestart()
    {
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:10:00")));
        stopConsole();
        startConsole(); // nothing selected
        auto *chart = m_window->findChild<QueueChart *>();
        QCOMPARE(chart->copyId(), qint64(0));
        chart->refresh();
        const qint64 now = m_window->snapshot().nowMs;
        QVERIFY(now > 0);
        QVERIFY(chart->timeMaxMs() >= now && chart->timeMaxMs() - now < 10 * 60 * 1000);
        // Not the wall clock, which is years away from this lab's clock.
        QVERIFY(std::abs(QDateTime::currentMSecsSinceEpoch() - chart->timeMaxMs()) > 24LL * 3600 * 1000);
        QCOMPARE(chart->timeLabels().last(),
                 QueueChart::timeAxisFor(now, chart->window()).labels.last()); // the virtual clock's
    }

    void theChartClearsWhenItsCopyIsGone()
    {
        QVERIFY(run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 100; Step-Simulation "
            "0.00:05:00")));
        QTRY_VERIFY(select(kCopyKey));
        auto *chart = m_window->findChild<QueueChart *>();
        const qint64 id = copyId(kCopy);
        QCOMPARE(chart->copyId(), id);
        chart->refresh();
        QVERIFY(chart->pointCount() >= 1);
        QVERIFY(run(QStringLiteral("Disable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")));
        QTRY_COMPARE(m_window->copyStatus()->rowCount(), 0);
        chart->refresh();
        QCOMPARE(chart->copyId(), qint64(0));
        QCOMPARE(chart->pointCount(), 0);
        QCOMPARE(chart->title(), QStringLiteral("Select an SCR copy to chart its queues"));
        QCOMPARE(chart->seriesNames(), QStringList{QStringLiteral("CopyQueueLength threshold (50 logs)")});
        QCOMPARE(cells()->rowCount(), 0);
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
