#pragma once
// MailFlowDialog: Start Mail Flow for one mounted database: messages a minute and their size, checked as they
// are typed by Start-MailFlow's own rule (cmdlets::checkMailFlow). command() gives the Start-MailFlow
// command the console runs and shows in the shell pane.

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace scr {

class MailFlowDialog final : public QDialog
{
    Q_OBJECT
public:
    // database: the database's identity, MBX1\SG1\DB1.
    explicit MailFlowDialog(const QString &database, QWidget *parent = nullptr);
    QString command() const;

private:
    void check();

    QString m_database;
    QSpinBox *m_rate;
    QSpinBox *m_size;
    QLabel *m_estimate;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace scr
