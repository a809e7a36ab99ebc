#pragma once
// PropertySheet: what the console's property sheets share (an SCR copy's, a storage group's, a mailbox
// database's), laid out as EMC 2007's: tabs, then OK, Cancel and Apply. Not modal: a sheet stays open beside
// the console and follows the lab, the window handing it every snapshot it receives (update()). A sheet
// never changes the lab itself: OK and Apply give the commands of what was changed (commands(): only the
// parameters that changed; the cmdlets validate) to run, which runs each as the action pane does and shows
// it in the shell pane; OK then closes. A value the administrator has not touched follows the lab; one being
// edited is left alone. When its object is gone, the sheet says so and nothing can be applied.

#include "lab/labsnapshot.h"

#include <functional>

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace scr {

class PropertySheet : public QDialog
{
    Q_OBJECT
public:
    using Run = std::function<void(const QString &command)>;

    // key: the console tree's key of the object ("copy:MBX1\SG1>MBX3", "sg:MBX1\SG1", "db:MBX1\SG1\DB1").
    PropertySheet(QString key, Run run, QWidget *parent = nullptr);

    const QString &key() const { return m_key; }
    bool isGone() const { return m_gone; }
    // Shows what snapshot says of the object (or that it is gone), then enables Apply if something changed.
    void update(const LabSnapshot &snapshot);
    // The commands that OK and Apply run: the changes made in the sheet, none when nothing changed.
    virtual QStringList commands() const = 0;
    // Apply: runs commands(); the values shown are then taken as the object's until the next snapshot.
    void apply();

protected:
    // Shows the object as snapshot has it; false when snapshot does not hold it.
    virtual bool refresh(const LabSnapshot &snapshot) = 0;
    // After Apply: the values shown become the baseline the next edits are compared with.
    virtual void applied() {}
    // What is gone, said in the banner ("The SCR copy MBX1\SG1 on MBX3 is gone").
    virtual QString goneText() const = 0;
    // For the subclasses' editors: something was edited, Apply may now be enabled (or disabled again).
    void edited();
    QTabWidget *tabs() const { return m_tabs; }

private:
    QString m_key;
    Run m_run;
    bool m_gone = false;
    QLabel *m_goneBanner;
    QTabWidget *m_tabs;
    QDialogButtonBox *m_buttons;
};

// A time of the lab's virtual clock in the locale's format, with its age on that clock ("2 minutes ago"):
// "—" for 0 (never).
QString propertyTime(qint64 ms, qint64 nowMs);
// The same, without the age.
QString propertyTimeOnly(qint64 ms);
// Bytes as the locale writes sizes ("12.3 MB"); "Unknown" for a negative count.
QString propertySize(qint64 bytes);

} // namespace scr
