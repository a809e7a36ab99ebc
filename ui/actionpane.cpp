#include "actionpane.h"

#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QVBoxLayout>

namespace scr {

ActionPane::ActionPane(QWidget *parent) : QWidget(parent), m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("actionPane"));
    setMinimumWidth(250);
    m_layout->setAlignment(Qt::AlignTop);
}

void ActionPane::setActions(const QString &title, const std::vector<ConsoleAction> &actions)
{
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!title.isEmpty())
        m_layout->addWidget(new QLabel(title, this));
    int n = 0;
    for (const ConsoleAction &action : actions) {
        auto *button = new QPushButton(action.text, this);
        button->setObjectName(QStringLiteral("action%1").arg(n++));
        button->setFlat(true);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px;"));
        connect(button, &QPushButton::clicked, this, [this, action] { Q_EMIT triggered(action); });
        m_layout->addWidget(button);
    }
    if (n == 0) {
        auto *hint =
            new QLabel(tr("Select a server, a storage group, a database or an SCR copy in the console "
                          "tree to see what can be done with it."),
                       this);
        hint->setWordWrap(true);
        hint->setEnabled(false);
        m_layout->addWidget(hint);
    }
}

void ActionPane::fitDock(QMainWindow *window)
{
    auto *dock = qobject_cast<QDockWidget *>(parentWidget());
    if (!dock || !dock->isVisible() || dock->isFloating())
        return;
    int widest = 0;
    for (const QPushButton *button : findChildren<QPushButton *>())
        widest = std::max(widest, button->sizeHint().width());
    const QMargins margins = m_layout->contentsMargins();
    const int needed = widest + margins.left() + margins.right() + (dock->width() - width());
    if (widest > 0 && dock->width() < needed)
        window->resizeDocks({dock}, {std::min(needed, window->width() / 3)}, Qt::Horizontal);
}

} // namespace scr
