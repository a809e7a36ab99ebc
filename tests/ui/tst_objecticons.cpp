// The console's object icons (ui/objecticons.*): every kind and state has its own SVG, compiled in and drawn
// by the SVG icon engine at the device's resolution (a 16 px icon at 200 % is 32 device pixels, as sharp as
// the SVG rendered at 32 px, not a 16 px image blown up); the tree and the result pane of a real demo lab
// carry each object's kind and state, and the delegate draws the matching icon.

#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/copystatusmodel.h"
#include "models/organizationmodel.h"
#include "objecticons.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImageReader>
#include <QPixmap>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace scr;

namespace {

// Exposes the delegate's style option, which is what the view paints from.
class ProbeDelegate final : public ObjectIconDelegate
{
public:
    using ObjectIconDelegate::ObjectIconDelegate;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const
    {
        QStyleOptionViewItem option;
        option.decorationSize = QSize(16, 16);
        initStyleOption(&option, index);
        return option;
    }
};

int opaquePixels(const QImage &image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    return n;
}

QString describe(ObjectKind kind, ObjectState state)
{
    return ObjectIcons::resourcePath(kind, state);
}

} // namespace

class TestObjectIcons : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabWorker> m_worker;

    void openDemoLab()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(DemoLab::create(m_dir->path(), SystemClock::instance()).hasValue());
        m_worker = std::make_unique<LabWorker>(m_dir->path());
        QSignalSpy opened(m_worker.get(), &LabWorker::opened);
        m_worker->open();
        QCOMPARE(opened.count(), 1);
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
    }
    void run(const QString &script)
    {
        QSignalSpy finished(m_worker.get(), &LabWorker::scriptFinished);
        m_worker->runScript(1, script);
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(1).value<ems::ScriptOutput>().ok,
                 qPrintable(finished.at(0).at(1).value<ems::ScriptOutput>().errorText()));
    }
    static qint64 iconKey(const QModelIndex &index) { return ObjectIcons::forIndex(index).cacheKey(); }
    static qint64 iconKey(ObjectKind kind, ObjectState state)
    {
        return ObjectIcons::icon(kind, state).cacheKey();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_worker.reset();
        m_dir.reset();
    }

    void everyIconIsCompiledInAndSharpAtTwiceTheScale()
    {
        QVERIFY2(QImageReader::supportedImageFormats().contains("svg"), "the Qt SVG image plugin is missing");
        const auto all = ObjectIcons::all();
        QCOMPARE(all.size(), 23);
        for (const auto &[kind, state] : all) {
            const QString path = describe(kind, state);
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            QVERIFY2(file.size() < 2048, qPrintable(path));
            const QIcon icon = ObjectIcons::icon(kind, state);
            QVERIFY2(!icon.isNull(), qPrintable(path));
            const QPixmap pixmap = icon.pixmap(QSize(16, 16), 2.0);
            QCOMPARE(pixmap.size(), QSize(32, 32));
            QCOMPARE(pixmap.devicePixelRatio(), 2.0);
            const QImage drawn = pixmap.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QVERIFY2(opaquePixels(drawn) > 32 * 32 / 5, qPrintable(path));
            // Sharp: the very image the SVG renders at 32 px, not a 16 px one scaled up.
            QImageReader reader(path);
            reader.setScaledSize(QSize(32, 32));
            const QImage native = reader.read().convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QVERIFY2(!native.isNull(), qPrintable(reader.errorString()));
            QImage small = icon.pixmap(QSize(16, 16), 1.0).toImage();
            const QImage blownUp = small.scaled(32, 32).convertToFormat(QImage::Format_ARGB32_Premultiplied);
            int differentFromNative = 0;
            int differentFromBlownUp = 0;
            for (int y = 0; y < 32; ++y)
                for (int x = 0; x < 32; ++x) {
                    differentFromNative += drawn.pixel(x, y) != native.pixel(x, y) ? 1 : 0;
                    differentFromBlownUp += drawn.pixel(x, y) != blownUp.pixel(x, y) ? 1 : 0;
                }
            QVERIFY2(differentFromNative <= 8, qPrintable(path));
            QVERIFY2(differentFromBlownUp > 8, qPrintable(path));
        }
    }

    void distinctStatesDrawDistinctIcons()
    {
        QSet<QByteArray> images;
        QSet<QString> paths;
        for (const auto &[kind, state] : ObjectIcons::all()) {
            paths.insert(ObjectIcons::resourcePath(kind, state));
            const QImage image = ObjectIcons::icon(kind, state).pixmap(QSize(16, 16), 2.0).toImage();
            images.insert(QByteArray(reinterpret_cast<const char *>(image.constBits()), image.sizeInBytes()));
        }
        QCOMPARE(paths.size(), ObjectIcons::all().size());
        QCOMPARE(images.size(), ObjectIcons::all().size());
        // A state a kind does not have falls back to the kind's own icon, never a null one.
        QCOMPARE(iconKey(ObjectKind::Server, ObjectState::Failed),
                 iconKey(ObjectKind::Server, ObjectState::Normal));
        QCOMPARE(ObjectIcons::resourcePath(ObjectKind::Copy, ObjectState::Normal),
                 ObjectIcons::resourcePath(ObjectKind::Copy, ObjectState::Healthy));
        // The icon is cached: the same icon each time.
        QCOMPARE(iconKey(ObjectKind::Copy, ObjectState::Failed),
                 iconKey(ObjectKind::Copy, ObjectState::Failed));
    }

    void treeRowsCarryKindAndState()
    {
        openDemoLab();
        if (QTest::currentTestFailed())
            return;
        OrganizationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        using K = ObjectKind;
        using S = ObjectState;
        QCOMPARE(iconKey(model.index(0, 0)), iconKey(K::Organization, S::Normal));
        const auto key = [&model](const char *k) { return model.indexOfKey(QString::fromLatin1(k)); };
        QCOMPARE(iconKey(key("server:MBX2")), iconKey(K::Server, S::Normal));
        QCOMPARE(iconKey(key("sg:MBX1\\SG2")), iconKey(K::StorageGroup, S::Normal));
        QCOMPARE(iconKey(key("db:MBX1\\SG1\\DB1")), iconKey(K::Database, S::Normal));
        // EMC's containers have icons of their own; the three "Mailbox" nodes share one.
        const auto container = [&model](const char *path) {
            return model.indexOfKey(OrganizationModel::containerKey(QString::fromLatin1(path)));
        };
        QCOMPARE(iconKey(container("Organization Configuration")),
                 iconKey(K::OrganizationConfiguration, S::Normal));
        QCOMPARE(iconKey(container("Server Configuration")), iconKey(K::ServerConfiguration, S::Normal));
        QCOMPARE(iconKey(container("Recipient Configuration")),
                 iconKey(K::RecipientConfiguration, S::Normal));
        QCOMPARE(iconKey(container("Toolbox")), iconKey(K::Toolbox, S::Normal));
        for (const char *mailbox : {"Organization Configuration\\Mailbox", "Server Configuration\\Mailbox",
                                    "Recipient Configuration\\Mailbox"})
            QCOMPARE(iconKey(container(mailbox)), iconKey(K::MailboxRole, S::Normal));
        QCOMPARE(iconKey(container("Toolbox\\Event Viewer")), iconKey(K::EventViewer, S::Normal));
        QCOMPARE(iconKey(container("Toolbox\\Replication Dashboard")),
                 iconKey(K::ReplicationDashboard, S::Normal));
        // The status column has no icon of its own: the kind is on the row, the icon only in column 0.
        ProbeDelegate delegate;
        QVERIFY(!(delegate.optionFor(key("db:MBX1\\SG1\\DB1").siblingAtColumn(1)).features &
                  QStyleOptionViewItem::HasDecoration));

        // A dismounted database: the row changes (no reset) and shows the dismounted icon.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        run(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 1);
        const QModelIndex db1 = key("db:MBX1\\SG1\\DB1");
        QCOMPARE(db1.data(ObjectStateRole).toInt(), int(S::Dismounted));
        const QStyleOptionViewItem option = delegate.optionFor(db1);
        QVERIFY(option.features & QStyleOptionViewItem::HasDecoration);
        QCOMPARE(option.icon.cacheKey(), iconKey(K::Database, S::Dismounted));

        // Powering the host off changes the server's icon.
        run(QStringLiteral("Stop-Host MBX2"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(iconKey(key("server:MBX2")), iconKey(K::Server, S::PoweredOff));
        QCOMPARE(iconKey(key("server:MBX1")), iconKey(K::Server, S::Normal));

        // An SCR copy: its storage group turns replicated, the copy shows its SummaryCopyStatus; suspended.
        run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(iconKey(key("sg:MBX1\\SG2")), iconKey(K::StorageGroup, S::Replicated));
        const LabSnapshot snapshot = m_worker->snapshot();
        const auto copyState = [&snapshot] {
            for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
                for (const CopySnapshot &c : sg.copies)
                    return objectStateOf(c.status.summary);
            return ObjectState::Normal;
        };
        QCOMPARE(iconKey(key("copy:MBX1\\SG2>MBX4")), iconKey(K::Copy, copyState()));
        run(QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(key("copy:MBX1\\SG2>MBX4").data(ObjectStateRole).toInt(), int(S::Suspended));
        QCOMPARE(iconKey(key("copy:MBX1\\SG2>MBX4")), iconKey(K::Copy, S::Suspended));
        // The standby lists what it holds, under an icon of its own, each copy with its state.
        QCOMPARE(iconKey(key("held:MBX4")), iconKey(K::HeldCopies, S::Normal));
        QCOMPARE(iconKey(key("held:COPY:MBX1\\SG2>MBX4")), iconKey(K::Copy, S::Suspended));

        // The result pane lists the same copy with the same icon.
        CopyStatusModel copies;
        QAbstractItemModelTester copyTester(&copies, QAbstractItemModelTester::FailureReportingMode::QtTest);
        copies.setSnapshot(m_worker->snapshot());
        QCOMPARE(copies.rowCount(), 1);
        QCOMPARE(iconKey(copies.index(0, CopyStatusModel::NameColumn)), iconKey(K::Copy, S::Suspended));
    }

    void theTreeViewPaintsTheIcons()
    {
        openDemoLab();
        if (QTest::currentTestFailed())
            return;
        OrganizationModel model;
        model.setSnapshot(m_worker->snapshot());
        QTreeView view;
        view.setItemDelegate(new ProbeDelegate(&view));
        view.setModel(&model);
        view.expandAll();
        view.resize(400, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // A row is at least as tall as its icon.
        const QModelIndex server = model.indexOfKey(QStringLiteral("server:MBX1"));
        QVERIFY(view.visualRect(server).height() >= 16);
        const QImage shot = view.viewport()->grab(view.visualRect(server)).toImage();
        // The server icon's green LED is in the painted row.
        bool green = false;
        for (int y = 0; y < shot.height() && !green; ++y)
            for (int x = 0; x < shot.width() && !green; ++x) {
                const QColor c = shot.pixelColor(x, y);
                green = c.green() > 140 && c.red() < 90 && c.blue() < 110;
            }
        QVERIFY2(green, "the server's icon is not painted in its row");
    }
};

QTEST_MAIN(TestObjectIcons)
#include "tst_objecticons.moc"
