#pragma once
// EventViewer: the console's event viewer pane. A table of the lab's events, newest on top by default,
// sortable by any column, filtered as you type and by level.

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace scr {

class EventLogModel;

class EventViewer final : public QWidget
{
    Q_OBJECT
public:
    explicit EventViewer(EventLogModel *model, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }

private:
    void applyLevelFilter();

    EventLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_level;
    QTableView *m_table;
};

} // namespace scr
