<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Fixture</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Recent &amp;Folders</source>
        <translation>最近的文件夹(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Q退出</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) active</source>
        <translation>
            <numerusform>%n 个任务进行中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n job(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
