#pragma once
// ConsoleKeys: the console's keyboard, as MMC's: Del removes the selection (after a question), Alt+Enter
// opens its Properties, F6 and
// Shift+F6 visit the panes (tree > result pane > action pane), Tab leaves a table instead of moving between
// its cells, Shift+F10 and the Menu key open the focused row's context menu where the row is, and a view
// that has the focus shows it with a frame (and takes its first row when none is current).

#include <functional>
#include <vector>

#include <QObject>

class QAbstractItemView;
class QAction;
class QKeySequence;
class QMainWindow;
class QWidget;

namespace scr {

class ResultPane;

class ConsoleKeys final : public QObject
{
    Q_OBJECT
public:
    ConsoleKeys(QMainWindow *window, QAbstractItemView *tree, ResultPane *resultPane, QWidget *actionPane);

Q_SIGNALS:
    void removeRequested();
    // Alt+Enter: the Properties of what is selected (EMC's).
    void propertiesRequested();
    // The keyboard's context menu for a view's current row, at position (the view's viewport coordinates).
    void contextMenuRequested(QAbstractItemView *view, const QPoint &position);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *addShortcut(const QString &text, const char *name, const QKeySequence &key);
    std::vector<QWidget *> panes() const;
    void focusPane(int step);
    bool openContextMenu(QAbstractItemView *view);

    QMainWindow *m_window;
    QAbstractItemView *m_tree;
    ResultPane *m_resultPane;
    QWidget *m_actionPane;
};

} // namespace scr
