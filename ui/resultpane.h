#pragma once
// ResultPane: the console's middle pane, one page at a time as the tree's selection says: every SCR copy's
// status (Get-StorageGroupCopyStatus's fields as columns the administrator chooses, moves and sizes, all
// remembered; sorted by raw values, filtered as you type), Recipient Configuration's mailboxes (several
// selected at once, counted) or Organization Configuration's databases. It draws what each snapshot says
// and asks nothing of the lab: a copy's row chosen or right-clicked is a signal for the window.

#include "models/consoleactions.h"
#include "models/copykey.h"
#include "models/organizationmodel.h"

#include <optional>

#include <QStackedWidget>

class QLabel;
class QLineEdit;
class QMenu;
class QSettings;
class QSortFilterProxyModel;
class QTableView;

namespace scr {

class CopyAlerts;
class CopyStatusModel;
class DatabaseListModel;
class MailboxModel;
struct LabSnapshot;

class ResultPane final : public QStackedWidget
{
    Q_OBJECT
public:
    explicit ResultPane(QWidget *parent = nullptr);

    CopyStatusModel *copyStatus() const { return m_copyStatus; }
    MailboxModel *mailboxes() const { return m_mailboxes; }
    DatabaseListModel *databaseList() const { return m_databaseList; }
    QTableView *copyTable() const { return m_copyTable; }
    QLineEdit *copyFilter() const { return m_copyFilter; }
    // The tables a keyboard user moves between (the copies', the mailboxes', the databases').
    std::vector<QTableView *> tables() const;
    // The copy table's columns: the header's context menu, and View's.
    QMenu *columnsMenu() const { return m_columnsMenu; }

    void setSnapshot(const LabSnapshot &snapshot);
    void setAlerts(const CopyAlerts &alerts);
    // The page for a tree item of this kind (the copies' for anything without a page of its own).
    void showPageFor(OrganizationModel::Kind kind);
    // The copy's row that has the keyboard's focus, as a selection (Del removes it).
    std::optional<ConsoleSelection> focusedCopy() const;
    // The copy row's context menu at position (viewport coordinates): its row selected, then
    // rowMenuRequested.
    void openRowMenu(const QPoint &position);

    void resetColumns();
    void saveColumns(QSettings &settings) const;
    void restoreColumns(const QSettings &settings);

Q_SIGNALS:
    // A copy's row became current: the window selects its tree item.
    void copyChosen(const scr::CopyKey &key);
    void rowMenuRequested(const scr::ConsoleSelection &copy, const QPoint &globalPosition);

private:
    QWidget *buildCopyPage();
    void buildColumnChooser();
    void fillColumnsMenu();
    QWidget *buildRecipientPage();
    void showSelectedMailboxCount();
    QWidget *buildDatabasePage();

    CopyStatusModel *m_copyStatus;
    QSortFilterProxyModel *m_copyProxy;
    QTableView *m_copyTable;
    QLineEdit *m_copyFilter;
    QMenu *m_columnsMenu = nullptr;
    QWidget *m_copyPage = nullptr;
    MailboxModel *m_mailboxes = nullptr;
    QSortFilterProxyModel *m_mailboxProxy = nullptr;
    QTableView *m_mailboxTable = nullptr;
    QLabel *m_mailboxCount = nullptr;
    QWidget *m_recipientPage = nullptr;
    DatabaseListModel *m_databaseList = nullptr;
    QTableView *m_databaseTable = nullptr;
    QWidget *m_databasePage = nullptr;
};

} // namespace scr
