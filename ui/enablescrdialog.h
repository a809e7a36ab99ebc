#pragma once
// EnableScrDialog: Enable Storage Group Copy for one storage group: the standby machine (servers without
// storage groups of their own first: they have SCR's paths free), ReplayLagTime and TruncationLagTime,
// checked as they are typed. command() gives the Enable-StorageGroupCopy command; the cmdlet validates the
// rest.

#include "lab/labsnapshot.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace scr {

class EnableScrDialog final : public QDialog
{
    Q_OBJECT
public:
    EnableScrDialog(const LabSnapshot &snapshot, const StorageGroupRecord &storageGroup,
                    QWidget *parent = nullptr);
    QString command() const;

private:
    void check();

    QString m_identity;
    QComboBox *m_standby;
    QLineEdit *m_replayLag;
    QLineEdit *m_truncationLag;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace scr
