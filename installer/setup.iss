; Inno Setup script for the Windows installer. Build the PyInstaller bundle first
; (dist\engagement-desk), then: iscc installer\setup.iss
;
; Per user, without administrator rights (a town-hall office PC): the program goes to
; %LOCALAPPDATA%\Programs\Engagement Desk. The office's data is elsewhere, in
; %LOCALAPPDATA%\engagement-desk (database, backups, log; engagement_desk/paths.py),
; and neither an upgrade nor an uninstall touches it. An upgrade first removes the
; previous version's program files (a module left over from an older version
; could be imported instead of the new one); the program backs up and upgrades the
; database itself on its first start.

#define AppName "Engagement Desk"
#define BundleDir "..\dist\engagement-desk"
; One source for the version: engagement_desk/__init__.py, which the spec writes into
; the executable's version resource. `iscc /DAppVersion=x.y.z` overrides it.
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(SourcePath) + BundleDir + "\engagement-desk.exe", PRODUCT_VERSION)
#endif
; The manual the F1 help opens; its start-menu entry appears once the bundle ships it.
#define ManualFile "{app}\_internal\resources\manual\Handbuch.html"

[Setup]
; Never change the AppId: it is how a newer version finds and replaces the installed one.
AppId={{6C1E3F52-3B7A-4D55-9B0E-6C2B7A8E4D21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
VersionInfoVersion={#AppVersion}
AppPublisher=Freiwilligenagentur
DefaultDirName={localappdata}\Programs\Engagement Desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
UsePreviousAppDir=yes
CloseApplications=yes
UninstallDisplayIcon={app}\engagement-desk.exe
SetupIconFile=..\resources\icons\engagement-desk.ico
OutputDir=..\dist
OutputBaseFilename=engagement-desk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; The previous version's program files, so that none of them outlives the upgrade.
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\engagement-desk.exe"
Type: files; Name: "{app}\engagement-desk-cli.exe"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\CHANGELOG.md"; DestDir: "{app}"; DestName: "CHANGELOG.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\engagement-desk.exe"
Name: "{group}\{#AppName} (Demo)"; Filename: "{app}\engagement-desk.exe"; Parameters: "--demo"; Comment: "Übungsdatenbank, getrennt von echten Daten"
Name: "{group}\Handbuch"; Filename: "{#ManualFile}"; Check: FileExists(ExpandConstant('{#ManualFile}'))
Name: "{group}\Selbsttest"; Filename: "{cmd}"; Parameters: "/k ""{app}\engagement-desk-cli.exe"" --self-test"; WorkingDir: "{app}"
Name: "{group}\Was ist neu"; Filename: "{app}\CHANGELOG.txt"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\engagement-desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\engagement-desk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
