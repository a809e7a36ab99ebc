// The copy status field table (cmdlets/copystatusfields.h) is the one map from a copy's status to named
// fields: the shell's StorageGroupCopyStatusEntry lists its fields in the table's order, the console's copy
// table shows the fields the table puts there (and by default the ones it says), and both read the same
// value of a field.

#include "cmdlets/copystatusfields.h"
#include "ems/recordobjects.h"
#include "models/copystatusmodel.h"

#include <QSet>
#include <QTest>

using namespace scr;

namespace {

// A copy whose every field has a value of its own.
CopyStatus busyStatus()
{
    CopyStatus s;
    s.identity = QStringLiteral("MBX1\\SG1");
    s.standbyMachine = QStringLiteral("MBX3");
    s.summary = SummaryCopyStatus::Suspended;
    s.suspend = true;
    s.suspendComment = QStringLiteral("patch day");
    s.failedMessage = QStringLiteral("kept from before the resume");
    s.lastLogGenerated = 120;
    s.lastLogCopyNotified = 110;
    s.lastLogCopied = 100;
    s.lastLogInspected = 90;
    s.lastLogReplayed = 40;
    s.latestAvailableLogTime = 1'800'000'000'000;
    s.lastCopiedLogTime = 1'800'000'001'000;
    s.lastInspectedLogTime = 1'800'000'002'000;
    s.lastReplayedLogTime = 1'800'000'003'000;
    s.latestFullBackupTime = 1'700'000'000'000;
    return s;
}

ScrCopyRecord copyRecord()
{
    ScrCopyRecord r;
    r.id = 7;
    r.standbyMachine = QStringLiteral("MBX3");
    r.replayLagMs = 3'600'000;
    r.truncationLagMs = 86'400'000;
    return r;
}

} // namespace

class TestCopyFields : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesAreUnique()
    {
        QSet<QString> names;
        for (const CopyField &f : copyStatusFields()) {
            const QString name = QString::fromLatin1(f.name).toLower();
            QVERIFY2(!names.contains(name), f.name);
            names.insert(name);
            QCOMPARE(copyStatusField(QLatin1String(f.name)), &f);
        }
    }

    // The copy table's columns are exactly the fields the table puts in it; which show first, the table says.
    void columnsComeFromTheTable()
    {
        QStringList tableColumns;
        for (const CopyField &f : copyStatusFields())
            if (f.column != CopyColumn::None)
                tableColumns << QString::fromLatin1(f.name);
        QStringList modelColumns = CopyStatusModel::fieldNames();
        QCOMPARE(modelColumns.size(), int(CopyStatusModel::ColumnCount));
        tableColumns.sort();
        modelColumns.sort();
        QCOMPARE(modelColumns, tableColumns);
        for (int c = 0; c < CopyStatusModel::ColumnCount; ++c)
            QCOMPARE(CopyStatusModel::shownByDefault(c),
                     copyStatusField(CopyStatusModel::fieldName(c))->column == CopyColumn::Shown);
        QVERIFY(CopyStatusModel::shownByDefault(CopyStatusModel::FailedMessageColumn));
        QVERIFY(!CopyStatusModel::shownByDefault(CopyStatusModel::TruncationLagColumn));
        QCOMPARE(CopyStatusModel::fieldName(CopyStatusModel::NameColumn), QStringLiteral("Identity"));
    }

    // The shell's object: every field, in the table's order, each its kind's form.
    void shellObjectListsTheTable()
    {
        const StorageGroupCopyStatusRow row{copyRecord(), StorageGroupRecord{}, busyStatus(), 5000};
        const ems::PSObject o = ems::statusObject(row);
        const std::span<const CopyField> fields = copyStatusFields();
        QCOMPARE(o.properties.size(), fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i)
            QCOMPARE(o.properties[i].first, QString::fromLatin1(fields[i].name));
        // The fields scripts and Format-List have seen since before the table: the table only appends.
        const char *const before23[] = {"Identity",
                                        "Name",
                                        "StorageGroupName",
                                        "StandbyMachine",
                                        "SummaryCopyStatus",
                                        "Failed",
                                        "Seeding",
                                        "Suspend",
                                        "FailedMessage",
                                        "SuspendComment",
                                        "Note",
                                        "CopyQueueLength",
                                        "ReplayQueueLength",
                                        "LatestAvailableLogTime",
                                        "LastCopyNotificationedLogTime",
                                        "LastCopiedLogTime",
                                        "LastInspectedLogTime",
                                        "LastReplayedLogTime",
                                        "LastInspectedLogAge",
                                        "LastLogGenerated",
                                        "LastLogCopyNotified",
                                        "LastLogCopied",
                                        "LastLogInspected",
                                        "LastLogReplayed",
                                        "LatestFullBackupTime",
                                        "ReplayLagTime",
                                        "TruncationLagTime"};
        QVERIFY(o.properties.size() >= std::size(before23));
        for (std::size_t i = 0; i < std::size(before23); ++i)
            QCOMPARE(o.properties[i].first, QLatin1String(before23[i]));
        QCOMPARE(o.property(QStringLiteral("ReplayLagTime"))->toString(), QStringLiteral("0.01:00:00"));
        QCOMPARE(o.property(QStringLiteral("LastInspectedLogAge"))->toString(), QStringLiteral("0.00:00:05"));
        QCOMPARE(o.property(QStringLiteral("SummaryCopyStatus"))->toString(), QStringLiteral("Suspended"));
        QCOMPARE(o.property(QStringLiteral("CopyQueueLength"))->toLongLong(), 20);
        QVERIFY(o.property(QStringLiteral("LastCopyNotificationedLogTime"))->isNull()); // never: null
        // The shell shows a FailedMessage kept from before a resume; the copy table (below) does not.
        QCOMPARE(o.property(QStringLiteral("FailedMessage"))->toString(),
                 QStringLiteral("kept from before the resume"));
    }

    // The copy table reads the same raw values, and blanks what its field shows only while a flag is set.
    void copyTableReadsTheTable()
    {
        LabSnapshot snapshot;
        StorageGroupSnapshot sg;
        sg.record.name = QStringLiteral("SG1");
        sg.record.server = QStringLiteral("MBX1");
        sg.copies.push_back({copyRecord(), busyStatus()});
        snapshot.storageGroups.push_back(sg);
        CopyStatusModel model;
        model.setSnapshot(snapshot);
        QCOMPARE(model.rowCount(), 1);
        const CopyStatus s = busyStatus();
        const ScrCopyRecord r = copyRecord();
        const CopyFieldSource source{s, r, s.identity, QStringLiteral("SG1"), -1};
        for (int c = 0; c < CopyStatusModel::ColumnCount; ++c) {
            const CopyField &f = CopyStatusModel::columnField(c);
            if (f.shownWhile)
                continue;
            QCOMPARE(model.index(0, c).data(CopyStatusModel::RawValueRole), f.value(source));
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), f.columnTitle());
        }
        // What a cell shows: FailedMessage blank beside a copy that is not failed.
        const std::pair<int, const char *> shown[] = {{CopyStatusModel::FailedMessageColumn, ""},
                                                      {CopyStatusModel::SuspendCommentColumn, "patch day"},
                                                      {CopyStatusModel::ReplayLagColumn, "0.01:00:00"},
                                                      {CopyStatusModel::SummaryColumn, "Suspended"}};
        for (const auto &[column, text] : shown)
            QCOMPARE(model.index(0, column).data().toString(), QLatin1String(text));
        QCOMPARE(model.headerData(CopyStatusModel::StandbyColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Standby Machine"));
    }

    void ageOnTheLabsClock()
    {
        CopyStatus s;
        QCOMPARE(lastInspectedLogAge(s, 10'000), -1);
        s.lastInspectedLogTime = 4'000;
        QCOMPARE(lastInspectedLogAge(s, 10'000), 6'000);
        QCOMPARE(lastInspectedLogAge(s, 1'000), 0); // a clock behind the log: no negative age
    }
};

QTEST_GUILESS_MAIN(TestCopyFields)
#include "tst_copyfields.moc"
