#include "consolekeys.h"

#include "resultpane.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QTableView>

namespace scr {

ConsoleKeys::ConsoleKeys(QMainWindow *window, QAbstractItemView *tree, ResultPane *resultPane,
                         QWidget *actionPane)
    : QObject(window), m_window(window), m_tree(tree), m_resultPane(resultPane), m_actionPane(actionPane)
{
    connect(addShortcut(tr("Remove"), "removeAction", QKeySequence::Delete), &QAction::triggered, this,
            &ConsoleKeys::removeRequested);
    // EMC's Alt+Enter: the Properties of what is selected, in the tree or the result pane (a row selects its
    // copy in the tree).
    QAction *properties =
        addShortcut(tr("P&roperties"), "propertiesAction", QKeySequence(Qt::ALT | Qt::Key_Return));
    properties->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Return), QKeySequence(Qt::ALT | Qt::Key_Enter)});
    connect(properties, &QAction::triggered, this, &ConsoleKeys::propertiesRequested);
    // Tab from the tree to the result pane's filter and table, then the docks. Tab leaves a table (Qt's
    // tables move between cells on Tab by default, which traps the keyboard in the result pane); the arrows
    // move between rows.
    QWidget::setTabOrder(m_tree, m_resultPane->copyFilter());
    QWidget::setTabOrder(m_resultPane->copyFilter(), m_resultPane->copyTable());
    for (QAbstractItemView *v : m_window->findChildren<QAbstractItemView *>())
        v->setTabKeyNavigation(false);
    // F6 and Shift+F6: the next (previous) pane, tree > result pane > action pane, as in MMC.
    connect(addShortcut(tr("Next Pane"), "nextPaneAction", Qt::Key_F6), &QAction::triggered, this,
            [this] { focusPane(+1); });
    connect(addShortcut(tr("Previous Pane"), "previousPaneAction", QKeySequence(Qt::SHIFT | Qt::Key_F6)),
            &QAction::triggered, this, [this] { focusPane(-1); });
    // Where the keyboard is must show: views draw a frame in the highlight colour while they have focus (the
    // default styles draw it faintly or not at all when no cell is current), and a table that gets focus
    // without a current row takes the first.
    std::vector<QAbstractItemView *> views{m_tree};
    for (QTableView *table : m_resultPane->tables())
        views.push_back(table);
    for (QAbstractItemView *v : views) {
        v->setStyleSheet(QStringLiteral("%1:focus { border: 2px solid palette(highlight); }")
                             .arg(QString::fromLatin1(v->metaObject()->className())));
        v->installEventFilter(this);
    }
}

QAction *ConsoleKeys::addShortcut(const QString &text, const char *name, const QKeySequence &key)
{
    auto *action = new QAction(text, m_window);
    action->setObjectName(QLatin1String(name));
    action->setShortcut(key);
    action->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(action);
    return action;
}

// The panes F6 visits, in order: the tree, the result pane's page on show (its table), the action pane.
std::vector<QWidget *> ConsoleKeys::panes() const
{
    QWidget *result = m_resultPane->currentWidget();
    if (auto *table = result->findChild<QTableView *>())
        result = table;
    return {m_tree, result, m_actionPane};
}

void ConsoleKeys::focusPane(int step)
{
    const std::vector<QWidget *> all = panes();
    int at = -1;
    for (const QWidget *w = QApplication::focusWidget(); w && at < 0; w = w->parentWidget()) {
        for (std::size_t i = 0; i < all.size(); ++i)
            if (w == all[i] || (i == 1 && w == m_resultPane))
                at = int(i);
    }
    const int n = int(all.size());
    const int next = at < 0 ? 0 : ((at + step) % n + n) % n;
    QWidget *pane = all[std::size_t(next)];
    if (pane == m_actionPane) {
        // Its first button (an action), else the pane itself, so that the focus still shows where it is.
        if (auto *button = m_actionPane->findChild<QPushButton *>()) {
            // A button the pane has just made is shown by its layout on the next turn of the event loop:
            // show it now, or it cannot take the focus.
            if (!button->isVisible() && m_actionPane->isVisible())
                button->show();
            button->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_actionPane->setFocusPolicy(Qt::ClickFocus);
    }
    pane->setFocus(Qt::ShortcutFocusReason);
}

// Shift+F10 and the Menu key: the context menu of the focused tree item or result-pane row, where the item
// is (as a right-click on it).
bool ConsoleKeys::openContextMenu(QAbstractItemView *view)
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid())
        return false;
    view->scrollTo(current);
    Q_EMIT contextMenuRequested(view, view->visualRect(current).center());
    return true;
}

bool ConsoleKeys::eventFilter(QObject *watched, QEvent *event)
{
    auto *view = qobject_cast<QAbstractItemView *>(watched);
    if (!view)
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Menu ||
            (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier)) {
            openContextMenu(view);
            return true;
        }
    }
    // The Menu key's release is taken too: a platform that turns an unaccepted release into a context-menu
    // event would open the menu a second time.
    if (event->type() == QEvent::KeyRelease && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Menu)
        return true;
    if (event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        openContextMenu(view);
        return true;
    }
    if (event->type() == QEvent::FocusIn && !view->currentIndex().isValid() && view->model() &&
        view->model()->rowCount() > 0)
        view->setCurrentIndex(view->model()->index(0, 0));
    return QObject::eventFilter(watched, event);
}

} // namespace scr
