<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>fb::ui::AboutDialog</name>
    <message>
        <source>About FaceBench</source>
        <translation>Über FaceBench</translation>
    </message>
    <message>
        <source>A workbench for training, evaluating and benchmarking deep face-recognition models.</source>
        <translation>Eine Werkbank zum Trainieren, Evaluieren und Benchmarken tiefer Gesichtserkennungsmodelle.</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <source>FaceBench:</source>
        <translation>FaceBench:</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>Compute:</source>
        <translation>Hardware:</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Lizenz:</translation>
    </message>
    <message>
        <source>GNU General Public License, version 3 or later</source>
        <translation>GNU General Public License, Version 3 oder neuer</translation>
    </message>
    <message>
        <source>Study:</source>
        <translation>Studie:</translation>
    </message>
</context>
<context>
    <name>fb::ui::HomePage</name>
    <message>
        <source>Compute</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>LibTorch:</source>
        <translation>LibTorch:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Open Folder…</source>
        <translation>Ordner öffnen …</translation>
    </message>
    <message>
        <source>Open folder:</source>
        <translation>Geöffneter Ordner:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Läufe:</translation>
    </message>
    <message>
        <source>Recent Folders</source>
        <translation>Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>Double-click a folder to open it.</source>
        <translation>Doppelklicken Sie auf einen Ordner, um ihn zu öffnen.</translation>
    </message>
    <message>
        <source>Folders you open appear here.</source>
        <translation>Hier erscheinen die Ordner, die Sie öffnen.</translation>
    </message>
    <message>
        <source>None. Open the folder that holds your datasets and runs.</source>
        <translation>Keiner. Öffnen Sie den Ordner mit Ihren Datensätzen und Läufen.</translation>
    </message>
    <message>
        <source>Each run is written to the runs folder inside the open folder.</source>
        <translation>Jeder Lauf wird in den Ordner „runs“ im geöffneten Ordner geschrieben.</translation>
    </message>
    <message>
        <source>%1 (no runs yet)</source>
        <translation>%1 (noch keine Läufe)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n run(s))</source>
        <translation>
            <numerusform>%1 (%n Lauf)</numerusform>
            <numerusform>%1 (%n Läufe)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fb::ui::MainWindow</name>
    <message>
        <source>FaceBench</source>
        <translation>FaceBench</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Recent &amp;Folders</source>
        <translation>&amp;Zuletzt geöffnete Ordner</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>A&amp;usführen</translation>
    </message>
    <message>
        <source>&amp;Cancel All Jobs</source>
        <translation>Alle Aufträge a&amp;bbrechen</translation>
    </message>
    <message>
        <source>No jobs are running.</source>
        <translation>Es laufen keine Aufträge.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Show &amp;Status Bar</source>
        <translation>&amp;Statusleiste anzeigen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About FaceBench</source>
        <translation>Ü&amp;ber FaceBench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>%1 — FaceBench</source>
        <translation>%1 — FaceBench</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>The folder %1 no longer exists. It has been removed from the recent folders.</source>
        <translation>Der Ordner %1 existiert nicht mehr. Er wurde aus den zuletzt geöffneten Ordnern entfernt.</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>fb::ui::RuntimeText</name>
    <message numerus="yes">
        <source>CPU · %n thread(s)</source>
        <translation>
            <numerusform>CPU · %n Thread</numerusform>
            <numerusform>CPU · %n Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA · %1</source>
        <translation>CUDA · %1</translation>
    </message>
    <message numerus="yes">
        <source>CPU: LibTorch uses %1 of %n hardware thread(s)</source>
        <translation>
            <numerusform>CPU: LibTorch nutzt %1 von %n Hardware-Thread</numerusform>
            <numerusform>CPU: LibTorch nutzt %1 von %n Hardware-Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>CUDA: not available</source>
        <translation>CUDA: nicht verfügbar</translation>
    </message>
    <message>
        <source>cuda:%1: %2, %3</source>
        <translation>cuda:%1: %2, %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Train, evaluate and benchmark deep face-recognition models.</source>
        <translation>Tiefe Gesichtserkennungsmodelle trainieren, evaluieren und benchmarken.</translation>
    </message>
</context>
</TS>
