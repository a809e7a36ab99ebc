#pragma once
// ShellPane: scr-shell inside the console. A command line (Enter runs it, Up/Down recall earlier ones) and
// the output, with the commands the console's own actions ran shown the same way, so that an administrator
// learns the shell from the console, as EMC taught it.

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace scr {

class ShellPane final : public QWidget
{
    Q_OBJECT
public:
    explicit ShellPane(QWidget *parent = nullptr);

    // Shows a command and what it printed (or its error).
    void showCommand(const QString &command);
    void showResult(const QString &text, bool ok, const QString &error);
    QString output() const;
    // Another lab: its output, its input line and its history (Up) start empty, nothing of the last lab's.
    void clear();

Q_SIGNALS:
    void commandEntered(const QString &command);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void enter();

    QPlainTextEdit *m_output;
    QLineEdit *m_input;
    QStringList m_history;
    qsizetype m_browsing = 0;
};

} // namespace scr
