#pragma once
// ActionPane: EMC's action pane: the name of the selected item, then a flat button per action the console
// offers for it (ConsoleActions), or a hint when there are none. A button pressed is triggered().

#include "models/consoleactions.h"

#include <vector>

#include <QWidget>

class QMainWindow;
class QVBoxLayout;

namespace scr {

class ActionPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ActionPane(QWidget *parent = nullptr);

    // title: the selected item's qualified name (empty: nothing selected).
    void setActions(const QString &title, const std::vector<ConsoleAction> &actions);
    // Widens the pane's dock in window for its longest entry, up to a third of the window: an action's name
    // is never clipped at the window widths the console is used at (1600 px and more). Only ever widened.
    void fitDock(QMainWindow *window);

Q_SIGNALS:
    void triggered(const scr::ConsoleAction &action);

private:
    QVBoxLayout *m_layout;
};

} // namespace scr
