<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AttendeeImportDialog</name>
    <message>
        <source>Import attendee list</source>
        <translation>Importer la liste des visiteurs</translation>
    </message>
    <message>
        <source>An Excel (.xlsx, .xls), OpenDocument (.ods) or CSV file</source>
        <translation>Un fichier Excel (.xlsx, .xls), OpenDocument (.ods) ou CSV</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Column for {field}</source>
        <translation>Colonne pour {field}</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field} :</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Not recognised (kept as extra details): {columns}</source>
        <translation>Non reconnues (conservées comme informations complémentaires) : {columns}</translation>
    </message>
    <message>
        <source>Every column was recognised.</source>
        <translation>Toutes les colonnes ont été reconnues.</translation>
    </message>
    <message>
        <source>{count} row</source>
        <translation>{count} ligne</translation>
    </message>
    <message>
        <source>{count} rows</source>
        <translation>{count} lignes</translation>
    </message>
    <message>
        <source>{file}: {rows} under the headers; the first {shown} are shown.</source>
        <translation>{file} : {rows} sous les en-têtes ; les {shown} premières sont affichées.</translation>
    </message>
    <message>
        <source>{file}: {rows} under the headers.</source>
        <translation>{file} : {rows} sous les en-têtes.</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Importation de {file}…</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>le fichier</translation>
    </message>
    <message>
        <source>… and {count} more warnings</source>
        <translation>… et {count} autres avertissements</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>Rien n'a été importé : {error}</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Journal d'audit</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Afficher :</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>The audit log could not be read: {error}</source>
        <translation>Le journal d'audit n'a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>{count} entry.</source>
        <translation>{count} entrée.</translation>
    </message>
    <message>
        <source>{count} entries.</source>
        <translation>{count} entrées.</translation>
    </message>
</context>
<context>
    <name>BadgeEntryBox</name>
    <message>
        <source>Type or paste a badge's text, then press Ctrl+Enter</source>
        <translation>Tapez ou collez le texte d'un badge, puis appuyez sur Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Read the text as a badge ({shortcut})</source>
        <translation>Lire le texte comme un badge ({shortcut})</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Leads</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <source>{name}: {leads}</source>
        <translation>{name} : {leads}</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <source>Calibrate scanners</source>
        <translation>Étalonner les scanners</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>En attente d'un scan…</translation>
    </message>
    <message>
        <source>Forget learned layout</source>
        <translation>Oublier la disposition apprise</translation>
    </message>
    <message>
        <source>That was not the calibration code: scan the code shown above.</source>
        <translation>Ce n'était pas le code d'étalonnage : scannez le code affiché ci-dessus.</translation>
    </message>
    <message>
        <source>Learned. Scan again with another scanner, or close.</source>
        <translation>Disposition apprise. Scannez à nouveau avec un autre scanner, ou fermez.</translation>
    </message>
    <message>
        <source>Forgotten: scans are used as typed.</source>
        <translation>Oubliée : les scans sont utilisés tels que saisis.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Scan with camera</source>
        <translation>Scanner avec la caméra</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>What the camera sees</source>
        <translation>Ce que voit la caméra</translation>
    </message>
    <message>
        <source>&amp;Camera:</source>
        <translation>&amp;Caméra :</translation>
    </message>
    <message>
        <source>{watching}. Read {count} badge.</source>
        <translation>{watching}. {count} badge lu.</translation>
    </message>
    <message>
        <source>{watching}. Read {count} badges.</source>
        <translation>{watching}. {count} badges lus.</translation>
    </message>
</context>
<context>
    <name>CameraScanner</name>
    <message>
        <source>A camera picture could not be decoded: {error}</source>
        <translation>Une image de la caméra n'a pas pu être décodée : {error}</translation>
    </message>
</context>
<context>
    <name>CameraSource</name>
    <message>
        <source>The camera stopped working ({reason}): check that it is connected and that boothapp may use it, or use the badge box</source>
        <translation>La caméra a cessé de fonctionner ({reason}) : vérifiez qu'elle est branchée et que boothapp a le droit de l'utiliser, ou utilisez la zone de saisie de badge</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison indiquée</translation>
    </message>
</context>
<context>
    <name>CaptureForm</name>
    <message>
        <source> (version {version})</source>
        <translation> (version {version})</translation>
    </message>
    <message>
        <source>This show has no consent text: add one in Show settings (Ctrl+,) to record the visitor's consent.</source>
        <translation>Ce salon n'a pas de texte de consentement : ajoutez-en un dans les paramètres du salon (Ctrl+,) pour enregistrer le consentement du visiteur.</translation>
    </message>
    <message>
        <source>{country}, or the phone's country</source>
        <translation>{country}, ou le pays du téléphone</translation>
    </message>
    <message>
        <source>New visitor</source>
        <translation>Nouveau visiteur</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Enregistrer  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Editing {name}</source>
        <translation>Modification de {name}</translation>
    </message>
    <message>
        <source>Captured {when} by {staff}</source>
        <translation>Saisi le {when} par {staff}</translation>
    </message>
    <message>
        <source>Captured {when}</source>
        <translation>Saisi le {when}</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>Visites :</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Aucune note pour l'instant.</translation>
    </message>
    <message>
        <source>Save changes  (Ctrl+S)</source>
        <translation>Enregistrer les modifications  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Not saved: {message}</source>
        <translation>Non enregistré : {message}</translation>
    </message>
    <message>
        <source>Changes to {name} not saved ({error})</source>
        <translation>Modifications de {name} non enregistrées ({error})</translation>
    </message>
    <message>
        <source>Changes to the lead not saved ({error})</source>
        <translation>Modifications du prospect non enregistrées ({error})</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <source>New visitor</source>
        <translation>Nouveau visiteur</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>&amp;Open existing</source>
        <translation>Ouvrir l'e&amp;xistant</translation>
    </message>
    <message>
        <source>Mer&amp;ge into it</source>
        <translation>F&amp;usionner dans celui-ci</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>Enregistrer &amp;quand même</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Évaluation :</translation>
    </message>
    <message>
        <source>Rating {rating}</source>
        <translation>Évaluation {rating}</translation>
    </message>
    <message>
        <source>Rate the visitor {rating} ({keys})</source>
        <translation>Évaluer le visiteur : {rating} ({keys})</translation>
    </message>
    <message>
        <source>The visitor &amp;agrees to be contacted</source>
        <translation>Le visiteur &amp;accepte d'être contacté</translation>
    </message>
    <message>
        <source>&amp;Notes on the conversation:</source>
        <translation>&amp;Notes sur l'échange :</translation>
    </message>
    <message>
        <source>What did the visitor ask about? Each save adds a note.</source>
        <translation>Qu'a demandé le visiteur ? Chaque enregistrement ajoute une note.</translation>
    </message>
    <message>
        <source>Notes on the conversation</source>
        <translation>Notes sur l'échange</translation>
    </message>
    <message>
        <source>Earlier notes and visits:</source>
        <translation>Notes et visites précédentes :</translation>
    </message>
    <message>
        <source>Earlier notes and visits</source>
        <translation>Notes et visites précédentes</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Enregistrer  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save the visitor (Ctrl+S or Ctrl+Enter)</source>
        <translation>Enregistrer le visiteur (Ctrl+S ou Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>New  (Esc)</source>
        <translation>Nouveau  (Échap)</translation>
    </message>
    <message>
        <source>Clear the form for the next visitor (Esc)</source>
        <translation>Vider la fiche pour le visiteur suivant (Échap)</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Relance :</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
</context>
<context>
    <name>CataloguePreviewDialog</name>
    <message>
        <source>Import the catalogue — {file}</source>
        <translation>Importer le catalogue — {file}</translation>
    </message>
    <message>
        <source>{file} holds {count} products: {new} new, {updated} updating the catalogue's product of the same SKU. Importing stores them at once and puts them on this show's stand.</source>
        <translation>{file} contient {count} produits : {new} à ajouter, {updated} à mettre à jour (même référence qu'un produit du catalogue). L'import les enregistre aussitôt et les place sur le stand de ce salon.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Back to capture  (Ctrl+D)</source>
        <translation>Retour à la saisie  (Ctrl+D)</translation>
    </message>
    <message>
        <source>Show the capture form and the lead list again</source>
        <translation>Afficher à nouveau la fiche de saisie et la liste des prospects</translation>
    </message>
    <message>
        <source>Leads per hour today</source>
        <translation>Prospects par heure aujourd'hui</translation>
    </message>
    <message>
        <source>No leads today yet</source>
        <translation>Aucun prospect aujourd'hui pour l'instant</translation>
    </message>
    <message>
        <source>Leads per day</source>
        <translation>Prospects par jour</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Aucun prospect pour l'instant</translation>
    </message>
    <message>
        <source>Leads per staff member</source>
        <translation>Prospects par membre de l'équipe</translation>
    </message>
    <message>
        <source>Leads per product</source>
        <translation>Prospects par produit</translation>
    </message>
    <message>
        <source>No products recorded yet</source>
        <translation>Aucun produit enregistré pour l'instant</translation>
    </message>
    <message>
        <source>Hot, warm and cold</source>
        <translation>Chauds, tièdes et froids</translation>
    </message>
    <message>
        <source>The leads cannot be counted</source>
        <translation>Impossible de compter les prospects</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Choose or create a show to see its leads here.</source>
        <translation>Choisissez ou créez un salon pour voir ses prospects ici.</translation>
    </message>
    <message>
        <source>{count} lead at this show</source>
        <translation>{count} prospect sur ce salon</translation>
    </message>
    <message>
        <source>{count} leads at this show</source>
        <translation>{count} prospects sur ce salon</translation>
    </message>
    <message>
        <source>The charts fill in as leads are captured.</source>
        <translation>Les graphiques se remplissent au fil de la saisie des prospects.</translation>
    </message>
</context>
<context>
    <name>DatabaseCare</name>
    <message>
        <source>Warning: {warning}</source>
        <translation>Attention : {warning}</translation>
    </message>
    <message>
        <source>The database could not be checked: {error}</source>
        <translation>La base de données n'a pas pu être vérifiée : {error}</translation>
    </message>
    <message>
        <source>The automatic backup into {folder} failed: {error}</source>
        <translation>La sauvegarde automatique dans {folder} a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The visitor in the form cannot be kept</source>
        <translation>Le visiteur de la fiche ne peut pas être conservé</translation>
    </message>
    <message>
        <source>Created the show “{name}”: add its staff and products.</source>
        <translation>Salon « {name} » créé : ajoutez son équipe et ses produits.</translation>
    </message>
    <message>
        <source>Saved the settings of “{name}”.</source>
        <translation>Paramètres de « {name} » enregistrés.</translation>
    </message>
    <message>
        <source>Back up the database into a folder (a USB stick)</source>
        <translation>Sauvegarder la base de données dans un dossier (une clé USB)</translation>
    </message>
    <message>
        <source>Backing up {file} into {folder}…</source>
        <translation>Sauvegarde de {file} dans {folder}…</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>Aucune sauvegarde n'a été faite</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Sauvegardé dans {file}</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <source>The database was backed up to:
{file}</source>
        <translation>La base de données a été sauvegardée dans :
{file}</translation>
    </message>
    <message>
        <source>Restore the database from a backup</source>
        <translation>Restaurer la base de données à partir d'une sauvegarde</translation>
    </message>
    <message>
        <source>boothapp databases (*.sqlite3);;All files (*)</source>
        <translation>Bases de données boothapp (*.sqlite3);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Nothing restored</source>
        <translation>Rien n'a été restauré</translation>
    </message>
    <message>
        <source>{file} is the database itself.</source>
        <translation>{file} est la base de données elle-même.</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Put {file} ({count} lead) in place of the database?

The current file is kept beside it, never overwritten. boothapp closes and opens again on the restored file.</source>
        <translation>Mettre {file} ({count} prospect) à la place de la base de données ?

Le fichier actuel est conservé à côté, jamais écrasé. boothapp se ferme et se rouvre sur le fichier restauré.</translation>
    </message>
    <message>
        <source>Put {file} ({count} leads) in place of the database?

The current file is kept beside it, never overwritten. boothapp closes and opens again on the restored file.</source>
        <translation>Mettre {file} ({count} prospects) à la place de la base de données ?

Le fichier actuel est conservé à côté, jamais écrasé. boothapp se ferme et se rouvre sur le fichier restauré.</translation>
    </message>
    <message>
        <source>Backup: {backup}
Database: {database}</source>
        <translation>Sauvegarde : {backup}
Base de données : {database}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>The database could not be checked</source>
        <translation>La base de données n'a pas pu être vérifiée</translation>
    </message>
    <message>
        <source>{show}: {count} lead</source>
        <translation>{show} : {count} prospect</translation>
    </message>
    <message>
        <source>{show}: {count} leads</source>
        <translation>{show} : {count} prospects</translation>
    </message>
    <message>
        <source>{leads} (and {count} deleted)</source>
        <translation>{leads} (et {count} supprimés)</translation>
    </message>
    <message>
        <source>No shows yet.</source>
        <translation>Aucun salon pour l'instant.</translation>
    </message>
    <message>
        <source>Checked {file}: no problem found.</source>
        <translation>{file} vérifié : aucun problème trouvé.</translation>
    </message>
    <message>
        <source>Database checked</source>
        <translation>Base de données vérifiée</translation>
    </message>
    <message>
        <source>No problem found in {file}.</source>
        <translation>Aucun problème trouvé dans {file}.</translation>
    </message>
    <message>
        <source>Checked {file}: it has problems.</source>
        <translation>{file} vérifié : il présente des problèmes.</translation>
    </message>
    <message>
        <source>{file} has problems.</source>
        <translation>{file} présente des problèmes.</translation>
    </message>
    <message>
        <source>{file} is damaged: see the message.</source>
        <translation>{file} est endommagé : voir le message.</translation>
    </message>
    <message>
        <source>SQLite: {problem}</source>
        <translation>SQLite : {problem}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>{file} is damaged: SQLite's check found problems in it.</source>
        <translation>{file} est endommagé : la vérification de SQLite y a trouvé des problèmes.</translation>
    </message>
    <message>
        <source>What to do: first copy what can be copied with File &gt; Back up now… to a USB stick. Then quit boothapp and either restore a backup:
{restore}
or copy every lead that can be read into a new file:
{salvage}</source>
        <translation>Que faire : copiez d'abord ce qui peut l'être avec Fichier &gt; Sauvegarder maintenant… sur une clé USB. Puis quittez boothapp et restaurez une sauvegarde :
{restore}
ou copiez tous les prospects encore lisibles dans un nouveau fichier :
{salvage}</translation>
    </message>
    <message>
        <source>What to do: first copy what can be copied with File &gt; Back up now… to a USB stick. Then quit boothapp and either restore a backup (the newest: {newest}):
{restore}
or copy every lead that can be read into a new file:
{salvage}</source>
        <translation>Que faire : copiez d'abord ce qui peut l'être avec Fichier &gt; Sauvegarder maintenant… sur une clé USB. Puis quittez boothapp et restaurez une sauvegarde (la plus récente : {newest}) :
{restore}
ou copiez tous les prospects encore lisibles dans un nouveau fichier :
{salvage}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>À propos de {app}</translation>
    </message>
    <message>
        <source>Lead capture for trade-show booths. Works offline.

Database: {database}</source>
        <translation>Saisie de prospects pour les stands de salons. Fonctionne hors ligne.

Base de données : {database}</translation>
    </message>
    <message>
        <source>What is typed in the form can be neither saved nor kept as a draft (see the message in the form). Close anyway and lose it?</source>
        <translation>Ce qui est saisi dans la fiche ne peut être ni enregistré ni conservé comme brouillon (voir le message dans la fiche). Fermer quand même et le perdre ?</translation>
    </message>
    <message>
        <source>the folder {folder} is not there: plug in the drive or choose another folder</source>
        <translation>le dossier {folder} est introuvable : branchez le disque ou choisissez un autre dossier</translation>
    </message>
</context>
<context>
    <name>Drafts</name>
    <message>
        <source>The unsaved visitor could not be kept as a draft: {error}</source>
        <translation>Le visiteur non enregistré n'a pas pu être conservé comme brouillon : {error}</translation>
    </message>
    <message>
        <source>The draft could not be cleared: {error}</source>
        <translation>Le brouillon n'a pas pu être supprimé : {error}</translation>
    </message>
    <message>
        <source>The unsaved visitor could not be read back: {error}</source>
        <translation>Le visiteur non enregistré n'a pas pu être relu : {error}</translation>
    </message>
    <message>
        <source>Unsaved visitor from {when}</source>
        <translation>Visiteur non enregistré — {when}</translation>
    </message>
    <message>
        <source>Cleared visitor from {when}</source>
        <translation>Visiteur retiré de la fiche — {when}</translation>
    </message>
    <message>
        <source> · {count} more kept</source>
        <translation> · {count} de plus en attente</translation>
    </message>
    <message>
        <source>The kept visitor could not be taken back: {error}</source>
        <translation>Le visiteur mis de côté n'a pas pu être repris : {error}</translation>
    </message>
    <message>
        <source>The kept visitor could not be discarded: {error}</source>
        <translation>Le visiteur mis de côté n'a pas pu être abandonné : {error}</translation>
    </message>
    <message>
        <source>Discarded the unsaved visitor</source>
        <translation>Visiteur non enregistré abandonné</translation>
    </message>
    <message>
        <source>the visitor being typed</source>
        <translation>le visiteur en cours de saisie</translation>
    </message>
    <message>
        <source>Kept {name} aside</source>
        <translation>Mis de côté : {name}</translation>
    </message>
    <message>
        <source>The form could not be put aside: {error}</source>
        <translation>La fiche n'a pas pu être mise de côté : {error}</translation>
    </message>
    <message>
        <source>{summary}: Restore brings it back</source>
        <translation>{summary} — cliquez sur « Restaurer » pour reprendre la saisie</translation>
    </message>
</context>
<context>
    <name>DuplicateCheck</name>
    <message>
        <source>captured {when}</source>
        <translation>saisi le {when}</translation>
    </message>
    <message>
        <source>by {staff}</source>
        <translation>par {staff}</translation>
    </message>
    <message>
        <source> (and {count} more)</source>
        <translation> (et {count} de plus)</translation>
    </message>
    <message>
        <source>This e-mail is already known at this show: {details}{more}.</source>
        <translation>Cet e-mail est déjà connu sur ce salon : {details}{more}.</translation>
    </message>
    <message>
        <source>Merged into {name}</source>
        <translation>Fusionné dans {name}</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Erase a person for good</source>
        <translation>Effacer définitivement une personne</translation>
    </message>
    <message>
        <source>Type the person's e-mail address first.</source>
        <translation>Saisissez d'abord l'adresse e-mail de la personne.</translation>
    </message>
    <message>
        <source>No lead is selected in the list.</source>
        <translation>Aucun prospect n'est sélectionné dans la liste.</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>{count} lead will be erased for good.</source>
        <translation>{count} prospect sera effacé définitivement.</translation>
    </message>
    <message>
        <source>{count} leads will be erased for good.</source>
        <translation>{count} prospects seront effacés définitivement.</translation>
    </message>
    <message>
        <source>No lead holds this address: it can still go on the suppression list.</source>
        <translation>Aucun prospect n'a cette adresse : elle peut tout de même être ajoutée à la liste d'exclusion.</translation>
    </message>
    <message>
        <source>Nothing was erased: {error}</source>
        <translation>Rien n'a été effacé : {error}</translation>
    </message>
    <message>
        <source>Erase {count} lead for good?</source>
        <translation>Effacer définitivement {count} prospect ?</translation>
    </message>
    <message>
        <source>Erase {count} leads for good?</source>
        <translation>Effacer définitivement {count} prospects ?</translation>
    </message>
    <message>
        <source>{leads}

Their notes, visits, products and answers go too. This cannot be undone.</source>
        <translation>{leads}

Leurs notes, visites, produits et réponses sont aussi supprimés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Put {email} on the suppression list?</source>
        <translation>Ajouter {email} à la liste d'exclusion ?</translation>
    </message>
    <message>
        <source>Erase for good</source>
        <translation>Effacer définitivement</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Effacement…</translation>
    </message>
    <message>
        <source>Erased {count} lead for good ({names}).</source>
        <translation>{count} prospect effacé définitivement ({names}).</translation>
    </message>
    <message>
        <source>Erased {count} leads for good ({names}).</source>
        <translation>{count} prospects effacés définitivement ({names}).</translation>
    </message>
    <message>
        <source>Put {email} on the suppression list.</source>
        <translation>{email} ajouté à la liste d'exclusion.</translation>
    </message>
</context>
<context>
    <name>ErasureView</name>
    <message>
        <source>{intro} {note}</source>
        <translation>{intro} {note}</translation>
    </message>
    <message>
        <source>E-&amp;mail address:</source>
        <translation>Adresse e-&amp;mail :</translation>
    </message>
    <message>
        <source>E-mail address of the person to erase</source>
        <translation>Adresse e-mail de la personne à effacer</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Use the &amp;selected lead</source>
        <translation>Utiliser le prospect &amp;sélectionné</translation>
    </message>
    <message>
        <source>What will be erased:</source>
        <translation>Ce qui sera effacé :</translation>
    </message>
    <message>
        <source>What will be erased</source>
        <translation>Ce qui sera effacé</translation>
    </message>
    <message>
        <source>Find a person by e-mail address, or use the selected lead.</source>
        <translation>Recherchez une personne par son adresse e-mail, ou utilisez le prospect sélectionné.</translation>
    </message>
    <message>
        <source>&amp;Erase for good…</source>
        <translation>&amp;Effacer définitivement…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export leads</source>
        <translation>Exporter les prospects</translation>
    </message>
    <message>
        <source>&amp;Whole show</source>
        <translation>&amp;Tout le salon</translation>
    </message>
    <message>
        <source>fro&amp;m</source>
        <translation>&amp;du</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;au</translation>
    </message>
    <message>
        <source>Captured:</source>
        <translation>Saisis :</translation>
    </message>
    <message>
        <source>&amp;Staff:</source>
        <translation>É&amp;quipe :</translation>
    </message>
    <message>
        <source>&amp;Rating:</source>
        <translation>É&amp;valuation :</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>&amp;Produit :</translation>
    </message>
    <message>
        <source>Only leads &amp;not exported before</source>
        <translation>Seulement les prospects &amp;non encore exportés</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <source>Co&amp;lumns:</source>
        <translation>Co&amp;lonnes :</translation>
    </message>
    <message>
        <source>Sem&amp;icolons between fields (Excel in French, German…)</source>
        <translation>Po&amp;ints-virgules entre les champs (Excel en français, allemand…)</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>S&amp;ave to:</source>
        <translation>Enregistrer &amp;sous :</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Fe&amp;rmer</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>No export of this show yet.</source>
        <translation>Aucun export de ce salon pour l'instant.</translation>
    </message>
    <message>
        <source>Last export: {when}, {count} leads to {file}</source>
        <translation>Dernier export : {when}, {count} prospects vers {file}</translation>
    </message>
    <message>
        <source>Cannot count the leads: {reason}</source>
        <translation>Impossible de compter les prospects : {reason}</translation>
    </message>
    <message>
        <source>Export leads to</source>
        <translation>Exporter les prospects vers</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Choisissez où enregistrer le fichier.</translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation>Export vers {file}…</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier ?</translation>
    </message>
    <message>
        <source>{path} already exists. Replace it with the export?</source>
        <translation>{path} existe déjà. Le remplacer par l'export ?</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Exported {count} lead to {path}</source>
        <translation>{count} prospect exporté vers {path}</translation>
    </message>
    <message>
        <source>Exported {count} leads to {path}</source>
        <translation>{count} prospects exportés vers {path}</translation>
    </message>
    <message>
        <source>{count} value(s) had to be changed:</source>
        <translation>{count} valeur(s) ont dû être modifiée(s) :</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Note: {note}.</source>
        <translation>Remarque : {note}.</translation>
    </message>
    <message>
        <source>Nothing was exported: {reason}</source>
        <translation>Rien n'a été exporté : {reason}</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>No file manager could open the folder. The file is in:
{folder}</source>
        <translation>Aucun gestionnaire de fichiers n'a pu ouvrir le dossier. Le fichier se trouve dans :
{folder}</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Ann&amp;uler</translation>
    </message>
</context>
<context>
    <name>FieldHints</name>
    <message>
        <source>Not a valid phone number: it will be kept as typed</source>
        <translation>Numéro de téléphone non valide : il sera conservé tel que saisi</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Only leads captured by {name}, at this laptop</source>
        <translation>Seulement les prospects saisis par {name}, sur ce portable</translation>
    </message>
    <message>
        <source>Choose who is at this laptop first</source>
        <translation>Choisissez d'abord qui est à ce portable</translation>
    </message>
</context>
<context>
    <name>FilterBarView</name>
    <message>
        <source>Any</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miens</translation>
    </message>
    <message>
        <source>Only leads captured since midnight, show time</source>
        <translation>Seulement les prospects saisis depuis minuit, heure du salon</translation>
    </message>
    <message>
        <source>Only leads captured by the person at this laptop</source>
        <translation>Seulement les prospects saisis par la personne à ce portable</translation>
    </message>
    <message>
        <source>Rating:</source>
        <translation>Évaluation :</translation>
    </message>
    <message>
        <source>Rating filter</source>
        <translation>Filtre d'évaluation</translation>
    </message>
    <message>
        <source>Only leads rated so</source>
        <translation>Seulement les prospects ainsi évalués</translation>
    </message>
    <message>
        <source>Produ&amp;ct:</source>
        <translation>Produi&amp;t :</translation>
    </message>
    <message>
        <source>Product filter</source>
        <translation>Filtre de produit</translation>
    </message>
    <message>
        <source>Only leads shown this product</source>
        <translation>Seulement les prospects à qui ce produit a été présenté</translation>
    </message>
    <message>
        <source>Captured &amp;by:</source>
        <translation>Saisi &amp;par :</translation>
    </message>
    <message>
        <source>Staff filter</source>
        <translation>Filtre de membre de l'équipe</translation>
    </message>
    <message>
        <source>Only leads captured by this staff member</source>
        <translation>Seulement les prospects saisis par ce membre de l'équipe</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Show every lead of the show again</source>
        <translation>Afficher à nouveau tous les prospects du salon</translation>
    </message>
</context>
<context>
    <name>FollowUpQueue</name>
    <message>
        <source>Follow-ups — {show}</source>
        <translation>Relances — {show}</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Relances</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source>No show yet.</source>
        <translation>Aucun salon pour l'instant.</translation>
    </message>
    <message>
        <source>Nobody is at this laptop: choose who you are, or list everyone's follow-ups.</source>
        <translation>Personne n'est à ce portable : indiquez qui vous êtes, ou affichez les relances de tout le monde.</translation>
    </message>
    <message>
        <source>{follow_ups}, {count} overdue</source>
        <translation>{follow_ups}, {count} en retard</translation>
    </message>
    <message>
        <source>{follow_ups} (today is {day})</source>
        <translation>{follow_ups} (nous sommes le {day})</translation>
    </message>
    <message>
        <source>Marked {count} follow-up done.</source>
        <translation>{count} relance marquée comme faite.</translation>
    </message>
    <message>
        <source>Marked {count} follow-ups done.</source>
        <translation>{count} relances marquées comme faites.</translation>
    </message>
    <message>
        <source>Put {count} follow-up back to do.</source>
        <translation>{count} relance remise à faire.</translation>
    </message>
    <message>
        <source>Put {count} follow-ups back to do.</source>
        <translation>{count} relances remises à faire.</translation>
    </message>
    <message>
        <source>{count} follow-up now due on {day}.</source>
        <translation>{count} relance désormais prévue le {day}.</translation>
    </message>
    <message>
        <source>{count} follow-ups now due on {day}.</source>
        <translation>{count} relances désormais prévues le {day}.</translation>
    </message>
    <message>
        <source>{count} follow-up now owned by {name}.</source>
        <translation>{count} relance désormais attribuée à {name}.</translation>
    </message>
    <message>
        <source>{count} follow-ups now owned by {name}.</source>
        <translation>{count} relances désormais attribuées à {name}.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Nothing was changed: {error}</source>
        <translation>Rien n'a été modifié : {error}</translation>
    </message>
</context>
<context>
    <name>FollowUpQueueView</name>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Pour :</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatut :</translation>
    </message>
    <message>
        <source>Du&amp;e:</source>
        <translation>É&amp;chéance :</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>&amp;Marquer comme faite</translation>
    </message>
    <message>
        <source>&amp;Undo done</source>
        <translation>&amp;Remettre à faire</translation>
    </message>
    <message>
        <source>Put the selected follow-ups back to do</source>
        <translation>Remettre à faire les relances sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Open lead</source>
        <translation>&amp;Ouvrir le prospect</translation>
    </message>
    <message>
        <source>&amp;Change due day</source>
        <translation>Modifier l'éc&amp;héance</translation>
    </message>
    <message>
        <source>&amp;Set owner</source>
        <translation>&amp;Attribuer</translation>
    </message>
    <message>
        <source>Due da&amp;y:</source>
        <translation>&amp;Jour d'échéance :</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>Responsa&amp;ble :</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>{moment} by {name}</source>
        <translation>{moment} par {name}</translation>
    </message>
</context>
<context>
    <name>KioskFormView</name>
    <message>
        <source>Scan your badge, or type your details below. We will be in touch after the show.</source>
        <translation>Scannez votre badge ou saisissez vos coordonnées ci-dessous. Nous vous recontacterons après le salon.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Leave kiosk mode (manager PIN)</source>
        <translation>Quitter le mode borne (code PIN du responsable)</translation>
    </message>
    <message>
        <source>Yes, I agree</source>
        <translation>Oui, j'accepte</translation>
    </message>
    <message>
        <source>I agree to the consent text</source>
        <translation>J'accepte le texte de consentement</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>Votre consentement</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>S'inscrire</translation>
    </message>
    <message>
        <source>What are you interested in? Tap to choose.</source>
        <translation>Qu'est-ce qui vous intéresse ? Touchez pour choisir.</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>{show} — visitor registration</source>
        <translation>{show} — inscription des visiteurs</translation>
    </message>
    <message>
        <source>Welcome to {show}</source>
        <translation>Bienvenue à {show}</translation>
    </message>
    <message>
        <source>(Version {version})</source>
        <translation>(Version {version})</translation>
    </message>
    <message>
        <source>e.g. {country}</source>
        <translation>ex. : {country}</translation>
    </message>
    <message>
        <source>Welcome back, {name}!</source>
        <translation>Ravis de vous revoir, {name} !</translation>
    </message>
    <message>
        <source>Welcome back!</source>
        <translation>Ravis de vous revoir !</translation>
    </message>
    <message>
        <source>We have noted your visit. Our team will be in touch.</source>
        <translation>Nous avons bien noté votre visite. Notre équipe vous recontactera.</translation>
    </message>
    <message>
        <source>Thank you, {name}!</source>
        <translation>Merci, {name} !</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Our team will be in touch after the show.</source>
        <translation>Notre équipe vous recontactera après le salon.</translation>
    </message>
    <message>
        <source>Leave kiosk mode?</source>
        <translation>Quitter le mode borne ?</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Rester</translation>
    </message>
</context>
<context>
    <name>LeadDetailDialog</name>
    <message>
        <source>Lead — {name}</source>
        <translation>Prospect — {name}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base légale</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Ne pas contacter</translation>
    </message>
    <message>
        <source>Yes: the visitor asked not to be contacted</source>
        <translation>Oui : le visiteur a demandé à ne pas être contacté</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Saisi</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Néant</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
</context>
<context>
    <name>LeadDetailView</name>
    <message>
        <source>{label}:</source>
        <translation>{label} :</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Néant</translation>
    </message>
</context>
<context>
    <name>LeadList</name>
    <message>
        <source>No leads match the filters and “{search}”</source>
        <translation>Aucun prospect ne correspond aux filtres et à « {search} »</translation>
    </message>
    <message>
        <source>No leads match the filters</source>
        <translation>Aucun prospect ne correspond aux filtres</translation>
    </message>
    <message>
        <source>The filters above the list hide every lead of this show.</source>
        <translation>Les filtres au-dessus de la liste masquent tous les prospects de ce salon.</translation>
    </message>
    <message>
        <source>Clear search and filters</source>
        <translation>Effacer la recherche et les filtres</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>No leads match “{search}”</source>
        <translation>Aucun prospect ne correspond à « {search} »</translation>
    </message>
    <message>
        <source>Try fewer or shorter words: each word matches the start of a name, company, e-mail, city or note.</source>
        <translation>Essayez avec moins de mots ou des mots plus courts : chaque mot correspond au début d'un nom, d'une société, d'un e-mail, d'une ville ou d'une note.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Aucun prospect pour l'instant</translation>
    </message>
    <message>
        <source>Leads captured at this show will be listed here, newest first.</source>
        <translation>Les prospects saisis sur ce salon s'afficheront ici, du plus récent au plus ancien.</translation>
    </message>
    <message>
        <source>Deleted “{name}”.</source>
        <translation>Prospect « {name} » supprimé.</translation>
    </message>
    <message>
        <source>Removed “{name}”.</source>
        <translation>Prospect « {name} » retiré.</translation>
    </message>
    <message>
        <source>Restored “{name}”.</source>
        <translation>Prospect « {name} » restauré.</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Captured at</source>
        <translation>Saisi le</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Saisi par</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Time at the show ({timezone}); click to sort</source>
        <translation>Heure du salon ({timezone}) ; cliquez pour trier</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Cette colonne ne peut pas être triée</translation>
    </message>
    <message>
        <source>Click to sort by {column}</source>
        <translation>Cliquez pour trier par {column}</translation>
    </message>
</context>
<context>
    <name>LegalBasisRow</name>
    <message>
        <source>Legal basis:</source>
        <translation>Base légale :</translation>
    </message>
    <message>
        <source>Legal basis for contacting the visitor</source>
        <translation>Base légale pour contacter le visiteur</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Ne pas contacter</translation>
    </message>
    <message>
        <source>Legal basis for contacting the visitor after the show: {basis}</source>
        <translation>Base légale pour contacter le visiteur après le salon : {basis}</translation>
    </message>
</context>
<context>
    <name>MainView</name>
    <message>
        <source>Search leads — name, company, e-mail, city, notes</source>
        <translation>Rechercher des prospects — nom, société, e-mail, ville, notes</translation>
    </message>
    <message>
        <source>The show the leads belong to</source>
        <translation>Le salon auquel appartiennent les prospects</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>At this laptop:</source>
        <translation>À ce portable :</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Qui êtes-vous ?</translation>
    </message>
    <message>
        <source>New leads and notes are recorded as this person's</source>
        <translation>Les nouveaux prospects et notes sont enregistrés au nom de cette personne</translation>
    </message>
    <message>
        <source>Staff member at this laptop</source>
        <translation>Membre de l'équipe à ce portable</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Rechercher des prospects</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <source>Type or paste a badge:</source>
        <translation>Saisissez ou collez un badge :</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exporting leads</source>
        <translation>L'export des prospects</translation>
    </message>
    <message>
        <source>Changing the show settings</source>
        <translation>La modification des paramètres du salon</translation>
    </message>
    <message>
        <source>Setting up a new show</source>
        <translation>La création d'un nouveau salon</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;New show…</source>
        <translation>&amp;Nouveau salon…</translation>
    </message>
    <message>
        <source>Set up another show: its name, dates and place</source>
        <translation>Créer un autre salon : son nom, ses dates et son lieu</translation>
    </message>
    <message>
        <source>Show &amp;settings…</source>
        <translation>&amp;Paramètres du salon…</translation>
    </message>
    <message>
        <source>Details, staff, products and questions of the show</source>
        <translation>Informations, équipe, produits et questions du salon</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <source>&amp;Delete lead</source>
        <translation>&amp;Supprimer le prospect</translation>
    </message>
    <message>
        <source>&amp;Open lead</source>
        <translation>&amp;Ouvrir le prospect</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>À &amp;propos de {app}</translation>
    </message>
    <message>
        <source>&amp;Type or paste a badge…</source>
        <translation>&amp;Saisir ou coller un badge…</translation>
    </message>
    <message>
        <source>Show a box to type or paste a badge's text</source>
        <translation>Afficher une zone pour saisir ou coller le texte d'un badge</translation>
    </message>
    <message>
        <source>Scan badge from &amp;image…</source>
        <translation>Scanner un badge depuis une &amp;image…</translation>
    </message>
    <message>
        <source>Read the badge code in a photo or image file</source>
        <translation>Lire le code du badge dans une photo ou un fichier image</translation>
    </message>
    <message>
        <source>Scan with &amp;camera…</source>
        <translation>Scanner avec la &amp;caméra…</translation>
    </message>
    <message>
        <source>Ca&amp;librate scanner keyboard layout…</source>
        <translation>Éta&amp;lonner la disposition clavier du scanner…</translation>
    </message>
    <message>
        <source>Import &amp;attendee list…</source>
        <translation>Importer la &amp;liste des visiteurs…</translation>
    </message>
    <message>
        <source>Read the organiser's attendee list (Excel or CSV) so badge IDs give names</source>
        <translation>Lire la liste des visiteurs de l'organisateur (Excel ou CSV) pour que les identifiants de badge donnent des noms</translation>
    </message>
    <message>
        <source>&amp;Export leads…</source>
        <translation>&amp;Exporter les prospects…</translation>
    </message>
    <message>
        <source>Save the show's leads as Excel, CSV or vCard</source>
        <translation>Enregistrer les prospects du salon au format Excel, CSV ou vCard</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>Copy the database into a folder, such as a USB stick</source>
        <translation>Copier la base de données dans un dossier, par exemple sur une clé USB</translation>
    </message>
    <message>
        <source>Chec&amp;k database…</source>
        <translation>&amp;Vérifier la base de données…</translation>
    </message>
    <message>
        <source>Look for damage, and count the leads of each show</source>
        <translation>Rechercher les dommages et compter les prospects de chaque salon</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Res&amp;taurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Put a backup in place of the database (the current file is kept)</source>
        <translation>Remplacer la base de données par une sauvegarde (le fichier actuel est conservé)</translation>
    </message>
    <message>
        <source>&amp;Merge a laptop's file…</source>
        <translation>&amp;Fusionner le fichier d'un portable…</translation>
    </message>
    <message>
        <source>Bring another laptop's leads into this database (from a USB stick)</source>
        <translation>Ajouter à cette base les prospects d'un autre portable (depuis une clé USB)</translation>
    </message>
    <message>
        <source>&amp;Erase a person…</source>
        <translation>&amp;Effacer une personne…</translation>
    </message>
    <message>
        <source>Delete everything held on a visitor, for good, on request</source>
        <translation>Supprimer définitivement tout ce qui est conservé sur un visiteur, à sa demande</translation>
    </message>
    <message>
        <source>Erase lead for &amp;good…</source>
        <translation>Effacer le prospect &amp;définitivement…</translation>
    </message>
    <message>
        <source>&amp;Retention of old leads…</source>
        <translation>&amp;Conservation des anciens prospects…</translation>
    </message>
    <message>
        <source>List and purge the leads not contacted for long</source>
        <translation>Lister et purger les prospects non contactés depuis longtemps</translation>
    </message>
    <message>
        <source>E&amp;xport what is held on a person…</source>
        <translation>E&amp;xporter les données d'une personne…</translation>
    </message>
    <message>
        <source>Everything about one visitor, as JSON and a readable page (subject access)</source>
        <translation>Tout ce qui concerne un visiteur, en JSON et en page lisible (droit d'accès)</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal d'audit…</translation>
    </message>
    <message>
        <source>Exports, merges, restores, erasures and purges: who, when</source>
        <translation>Exports, fusions, restaurations, effacements et purges : qui, quand</translation>
    </message>
    <message>
        <source>My &amp;business card</source>
        <translation>Ma carte de &amp;visite</translation>
    </message>
    <message>
        <source>Your contact as a QR code, full screen, for a visitor's phone</source>
        <translation>Vos coordonnées en code QR, en plein écran, pour le téléphone d'un visiteur</translation>
    </message>
    <message>
        <source>Show contact as &amp;QR code…</source>
        <translation>Afficher le contact en code &amp;QR…</translation>
    </message>
    <message>
        <source>Scan &amp;sounds</source>
        <translation>&amp;Sons des scans</translation>
    </message>
    <message>
        <source>A chime when a scan is saved, a buzz when it is not</source>
        <translation>Un carillon quand un scan est enregistré, un bourdonnement quand il ne l'est pas</translation>
    </message>
    <message>
        <source>&amp;Follow-ups…</source>
        <translation>&amp;Relances…</translation>
    </message>
    <message>
        <source>The follow-ups promised to the show's leads</source>
        <translation>Les relances promises aux prospects du salon</translation>
    </message>
    <message>
        <source>&amp;Kiosk mode…</source>
        <translation>Mode &amp;borne…</translation>
    </message>
    <message>
        <source>A full-screen page where visitors register themselves</source>
        <translation>Une page plein écran où les visiteurs s'inscrivent eux-mêmes</translation>
    </message>
    <message>
        <source>&amp;Capture sheet…</source>
        <translation>Fiche de &amp;saisie…</translation>
    </message>
    <message>
        <source>Codes to scan after a badge: products, rating…</source>
        <translation>Codes à scanner après un badge : produits, évaluation…</translation>
    </message>
    <message>
        <source>&amp;Product sheet…</source>
        <translation>Fiche &amp;produits…</translation>
    </message>
    <message>
        <source>The stand's products with their brochure codes</source>
        <translation>Les produits du stand avec leurs codes de brochure</translation>
    </message>
    <message>
        <source>&amp;Business cards…</source>
        <translation>&amp;Cartes de visite…</translation>
    </message>
    <message>
        <source>Your contact card with its QR code, 8 a page</source>
        <translation>Votre carte de contact avec son code QR, 8 par page</translation>
    </message>
    <message>
        <source>&amp;Test badges…</source>
        <translation>&amp;Badges de test…</translation>
    </message>
    <message>
        <source>Badges in every format, to check the scanners</source>
        <translation>Des badges dans tous les formats, pour vérifier les scanners</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>S&amp;can</source>
        <translation>S&amp;canner</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>Imp&amp;rimer</translation>
    </message>
    <message>
        <source>Personal &amp;data</source>
        <translation>&amp;Données personnelles</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Afficha&amp;ge</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>The language changes the next time {app} starts.</source>
        <translation>La langue changera au prochain démarrage de {app}.</translation>
    </message>
    <message>
        <source>restoring a backup</source>
        <translation>La restauration d'une sauvegarde</translation>
    </message>
    <message>
        <source>merging leads</source>
        <translation>La fusion de prospects</translation>
    </message>
    <message>
        <source>erasing a person</source>
        <translation>L'effacement d'une personne</translation>
    </message>
    <message>
        <source>purging old leads</source>
        <translation>La purge des anciens prospects</translation>
    </message>
    <message>
        <source>exporting what is held on a person</source>
        <translation>L'export des données d'une personne</translation>
    </message>
    <message>
        <source>&amp;Undo delete of “{name}”</source>
        <translation>&amp;Annuler la suppression de « {name} »</translation>
    </message>
    <message>
        <source>Saved {name} — {warnings}</source>
        <translation>Prospect {name} enregistré — {warnings}</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>Prospect {name} enregistré</translation>
    </message>
    <message>
        <source>Saved changes to {name} — {warnings}</source>
        <translation>Modifications de {name} enregistrées — {warnings}</translation>
    </message>
    <message>
        <source>Saved changes to {name}</source>
        <translation>Modifications de {name} enregistrées</translation>
    </message>
    <message>
        <source>Could not undo the changes to {name}: {error}</source>
        <translation>Impossible d'annuler les modifications de {name} : {error}</translation>
    </message>
    <message>
        <source>Took back the changes to {name}.</source>
        <translation>Modifications de {name} annulées.</translation>
    </message>
</context>
<context>
    <name>ManagerPinSection</name>
    <message>
        <source>Manager PIN</source>
        <translation>Code PIN du responsable</translation>
    </message>
    <message>
        <source>C&amp;lear PIN…</source>
        <translation>E&amp;ffacer le code PIN…</translation>
    </message>
    <message>
        <source>A manager PIN is set: {locked} ask for it, on every laptop using this database. Changes here apply at once.</source>
        <translation>Un code PIN du responsable est défini : il est demandé pour {locked}, sur chaque portable utilisant cette base de données. Les modifications faites ici s'appliquent immédiatement.</translation>
    </message>
    <message>
        <source>No manager PIN is set: anyone at the laptop can export the leads, restore a backup and change the shows.</source>
        <translation>Aucun code PIN du responsable n'est défini : toute personne au portable peut exporter les prospects, restaurer une sauvegarde et modifier les salons.</translation>
    </message>
    <message>
        <source>Change P&amp;IN…</source>
        <translation>Modifier le code P&amp;IN…</translation>
    </message>
    <message>
        <source>Set P&amp;IN…</source>
        <translation>Définir un code P&amp;IN…</translation>
    </message>
    <message>
        <source>Clearing the manager PIN</source>
        <translation>L'effacement du code PIN du responsable</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a laptop's file</source>
        <translation>Fusionner le fichier d'un portable</translation>
    </message>
    <message>
        <source>Merge a laptop's database file</source>
        <translation>Fusionner la base de données d'un portable</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>Nothing has changed yet: Merge brings the leads in.</source>
        <translation>Rien n'a encore changé : Fusionner fait entrer les prospects.</translation>
    </message>
    <message>
        <source>This database already holds everything in the file.</source>
        <translation>Cette base de données contient déjà tout ce que contient le fichier.</translation>
    </message>
    <message>
        <source>Merging {file}…</source>
        <translation>Fusion de {file}…</translation>
    </message>
    <message>
        <source>Merged {file}.</source>
        <translation>{file} fusionné.</translation>
    </message>
    <message>
        <source>Nothing was merged: {error}</source>
        <translation>Rien n'a été fusionné : {error}</translation>
    </message>
</context>
<context>
    <name>MergeView</name>
    <message>
        <source>&amp;File:</source>
        <translation>Fic&amp;hier :</translation>
    </message>
    <message>
        <source>The other laptop's database file</source>
        <translation>La base de données de l'autre portable</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>Ch&amp;oisir…</translation>
    </message>
    <message>
        <source>What the merge would do shows here.</source>
        <translation>Ce que ferait la fusion s'affiche ici.</translation>
    </message>
    <message>
        <source>Conflicts to re&amp;view:</source>
        <translation>&amp;Conflits à examiner :</translation>
    </message>
    <message>
        <source>Mark &amp;reviewed</source>
        <translation>&amp;Marquer comme examiné</translation>
    </message>
    <message>
        <source>Mark &amp;all reviewed</source>
        <translation>&amp;Tout marquer comme examiné</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>F&amp;usionner</translation>
    </message>
</context>
<context>
    <name>NewShowDialog</name>
    <message>
        <source>New show</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>The show was not created. {reason}</source>
        <translation>Le salon n'a pas été créé. {reason}</translation>
    </message>
</context>
<context>
    <name>NewShowView</name>
    <message>
        <source>The new show becomes the active one: the leads captured on this laptop go to it. Only the name is required; the rest can be changed later in the show settings.</source>
        <translation>Le nouveau salon devient le salon actif : les prospects saisis sur ce portable y sont rattachés. Seul le nom est obligatoire ; le reste peut être modifié plus tard dans les paramètres du salon.</translation>
    </message>
    <message>
        <source>&amp;Create show</source>
        <translation>&amp;Créer le salon</translation>
    </message>
</context>
<context>
    <name>OldLeadsModel</name>
    <message>
        <source>{show} (deleted)</source>
        <translation>{show} (supprimé)</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Manager PIN</source>
        <translation>Code PIN du responsable</translation>
    </message>
    <message>
        <source>Type the manager PIN.</source>
        <translation>Saisissez le code PIN du responsable.</translation>
    </message>
</context>
<context>
    <name>PinSetupDialog</name>
    <message>
        <source>Change the manager PIN</source>
        <translation>Modifier le code PIN du responsable</translation>
    </message>
    <message>
        <source>Set a manager PIN</source>
        <translation>Définir un code PIN du responsable</translation>
    </message>
    <message>
        <source>Type the current PIN.</source>
        <translation>Saisissez le code PIN actuel.</translation>
    </message>
    <message>
        <source>New PIN: {reason}</source>
        <translation>Nouveau code PIN : {reason}</translation>
    </message>
    <message>
        <source>The two new PINs differ: type the same PIN twice.</source>
        <translation>Les deux nouveaux codes PIN diffèrent : saisissez deux fois le même code.</translation>
    </message>
</context>
<context>
    <name>PinSetupView</name>
    <message>
        <source>Current PIN</source>
        <translation>Code PIN actuel</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nouveau code PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Confirmation du nouveau code PIN</translation>
    </message>
    <message>
        <source>At least {count} characters: digits, letters or both. It is asked for {locked}, on every laptop using this database.</source>
        <translation>Au moins {count} caractères : chiffres, lettres ou les deux. Il est demandé pour {locked}, sur chaque portable utilisant cette base de données.</translation>
    </message>
    <message>
        <source>&amp;Change PIN</source>
        <translation>&amp;Modifier le code</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <translation>&amp;Définir le code</translation>
    </message>
    <message>
        <source>C&amp;urrent PIN:</source>
        <translation>Code PIN ac&amp;tuel :</translation>
    </message>
    <message>
        <source>&amp;New PIN:</source>
        <translation>&amp;Nouveau code PIN :</translation>
    </message>
    <message>
        <source>New PIN a&amp;gain:</source>
        <translation>Confir&amp;mer le code PIN :</translation>
    </message>
</context>
<context>
    <name>PinView</name>
    <message>
        <source>{action} needs the manager PIN.</source>
        <translation>{action} nécessite le code PIN du responsable.</translation>
    </message>
    <message>
        <source>Manager PIN</source>
        <translation>Code PIN du responsable</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Manager &amp;PIN:</source>
        <translation>&amp;Code PIN du responsable :</translation>
    </message>
</context>
<context>
    <name>ProductToggles</name>
    <message>
        <source>This show has no products listed.</source>
        <translation>Aucun produit n'est présenté sur ce salon.</translation>
    </message>
</context>
<context>
    <name>ProductsPanel</name>
    <message>
        <source>Pro&amp;ducts shown:</source>
        <translation>Pro&amp;duits présentés :</translation>
    </message>
    <message>
        <source>Filter products — Enter ticks the first match</source>
        <translation>Filtrer les produits — Entrée coche le premier trouvé</translation>
    </message>
    <message>
        <source>Filter products</source>
        <translation>Filtrer les produits</translation>
    </message>
    <message>
        <source>No product matches the filter.</source>
        <translation>Aucun produit ne correspond au filtre.</translation>
    </message>
    <message>
        <source>Product {name} ({sku})</source>
        <translation>Produit {name} ({sku})</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <source>Quantity of {name}</source>
        <translation>Quantité de {name}</translation>
    </message>
    <message>
        <source>Quantity the visitor asked about (blank: not given)</source>
        <translation>Quantité demandée par le visiteur (vide : non précisée)</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Remark on {name}</source>
        <translation>Remarque sur {name}</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <source>{question}: {choice}</source>
        <translation>{question} : {choice}</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>{app} — the database cannot be opened</source>
        <translation>{app} — impossible d'ouvrir la base de données</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>Fichier : {file}</translation>
    </message>
    <message>
        <source>SQLite: {problem}</source>
        <translation>SQLite : {problem}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Newest backup: {file}</source>
        <translation>Sauvegarde la plus récente : {file}</translation>
    </message>
    <message>
        <source>{backup}. The file that cannot be opened is kept beside it as it is.</source>
        <translation>{backup}. Le fichier qui ne peut pas être ouvert est conservé tel quel à côté.</translation>
    </message>
    <message>
        <source>No backup that can be restored was found in {folder}.</source>
        <translation>Aucune sauvegarde restaurable n'a été trouvée dans {folder}.</translation>
    </message>
    <message>
        <source>To copy every lead that can still be read into a new file instead, quit and run:
{command}</source>
        <translation>Pour copier plutôt tous les prospects encore lisibles dans un nouveau fichier, quittez et exécutez :
{command}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Restauration de la sauvegarde…</translation>
    </message>
    <message>
        <source>Setting the journal aside…</source>
        <translation>Mise de côté du journal…</translation>
    </message>
    <message>
        <source>Opening the file read-only…</source>
        <translation>Ouverture du fichier en lecture seule…</translation>
    </message>
</context>
<context>
    <name>RecoveryView</name>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>&amp;Restaurer la sauvegarde la plus récente</translation>
    </message>
    <message>
        <source>&amp;Set the journal aside</source>
        <translation>&amp;Mettre le journal de côté</translation>
    </message>
    <message>
        <source>The journal is kept under another name and the file opens as it is.</source>
        <translation>Le journal est conservé sous un autre nom et le fichier s'ouvre tel quel.</translation>
    </message>
    <message>
        <source>&amp;Open read-only</source>
        <translation>&amp;Ouvrir en lecture seule</translation>
    </message>
    <message>
        <source>List, search and export the leads that can still be read; nothing can be saved.</source>
        <translation>Afficher, rechercher et exporter les prospects encore lisibles ; rien ne peut être enregistré.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <source>Retention of leads</source>
        <translation>Conservation des prospects</translation>
    </message>
    <message>
        <source>{count} lead not contacted for more than {months} months.</source>
        <translation>{count} prospect sans contact depuis plus de {months} mois.</translation>
    </message>
    <message>
        <source>{count} leads not contacted for more than {months} months.</source>
        <translation>{count} prospects sans contact depuis plus de {months} mois.</translation>
    </message>
    <message>
        <source>No lead is older than {months} months.</source>
        <translation>Aucun prospect n'a plus de {months} mois.</translation>
    </message>
    <message>
        <source>The period was not kept: {error}</source>
        <translation>La durée n'a pas été enregistrée : {error}</translation>
    </message>
    <message>
        <source>The retention period is now {months} months for the whole booth.</source>
        <translation>La durée de conservation est désormais de {months} mois pour tout le stand.</translation>
    </message>
    <message>
        <source>The retention period is now {months} months.</source>
        <translation>La durée de conservation est désormais de {months} mois.</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… et {count} de plus</translation>
    </message>
    <message>
        <source>Purge old leads</source>
        <translation>Purger les anciens prospects</translation>
    </message>
    <message>
        <source>Purge {count} lead for good?</source>
        <translation>Purger définitivement {count} prospect ?</translation>
    </message>
    <message>
        <source>Purge {count} leads for good?</source>
        <translation>Purger définitivement {count} prospects ?</translation>
    </message>
    <message>
        <source>{leads}

Their notes, visits, products and answers go too. This cannot be undone.</source>
        <translation>{leads}

Leurs notes, visites, produits et réponses sont aussi supprimés. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purger</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>Purge en cours…</translation>
    </message>
    <message>
        <source>Purged {count} lead for good.</source>
        <translation>{count} prospect purgé définitivement.</translation>
    </message>
    <message>
        <source>Purged {count} leads for good.</source>
        <translation>{count} prospects purgés définitivement.</translation>
    </message>
    <message>
        <source>Nothing was purged: {error}</source>
        <translation>Rien n'a été purgé : {error}</translation>
    </message>
</context>
<context>
    <name>RetentionView</name>
    <message>
        <source>Retention &amp;period:</source>
        <translation>&amp;Durée de conservation :</translation>
    </message>
    <message>
        <source> months</source>
        <translation> mois</translation>
    </message>
    <message>
        <source>Retention period in months</source>
        <translation>Durée de conservation en mois</translation>
    </message>
    <message>
        <source>&amp;Keep this period</source>
        <translation>&amp;Appliquer cette durée</translation>
    </message>
    <message>
        <source>Store the period for the whole booth</source>
        <translation>Enregistrer la durée pour tout le stand</translation>
    </message>
    <message>
        <source>P&amp;urge for good…</source>
        <translation>Pur&amp;ger définitivement…</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <source>Scan not saved: {error}</source>
        <translation>Scan non enregistré : {error}</translation>
    </message>
    <message>
        <source>{message} — saved; the form was left as it was</source>
        <translation>{message} — enregistré ; la fiche a été laissée telle quelle</translation>
    </message>
    <message>
        <source>Scan not read: {message}</source>
        <translation>Scan non lu : {message}</translation>
    </message>
    <message>
        <source>Scan badge from image</source>
        <translation>Scanner un badge depuis une image</translation>
    </message>
    <message>
        <source>Reading the badge code in {name}…</source>
        <translation>Lecture du code de badge dans {name}…</translation>
    </message>
    <message>
        <source>No badge code found in {name}: take a sharper photo of the code or type the badge in (Ctrl+B)</source>
        <translation>Aucun code de badge trouvé dans {name} : prenez une photo plus nette du code ou saisissez le badge (Ctrl+B)</translation>
    </message>
</context>
<context>
    <name>ScannerIndicator</name>
    <message>
        <source>Scanner ready</source>
        <translation>Scanner prêt</translation>
    </message>
    <message>
        <source>Receiving scan…</source>
        <translation>Réception du scan…</translation>
    </message>
    <message>
        <source>Scan read</source>
        <translation>Scan lu</translation>
    </message>
    <message>
        <source>Scan failed</source>
        <translation>Échec du scan</translation>
    </message>
</context>
<context>
    <name>SheetScans</name>
    <message>
        <source>{name} is at this laptop</source>
        <translation>{name} est à ce portable</translation>
    </message>
    <message>
        <source>{label}: the form does not ask this question</source>
        <translation>{label} : la fiche ne pose pas cette question</translation>
    </message>
    <message>
        <source>{label}: already so</source>
        <translation>{label} : déjà fait</translation>
    </message>
    <message>
        <source>the visitor in the form</source>
        <translation>le visiteur de la fiche</translation>
    </message>
    <message>
        <source>Undone — {who}</source>
        <translation>Annulé — {who}</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>{who} not saved: see the message in the form</source>
        <translation>{who} non enregistré : voyez le message dans la fiche</translation>
    </message>
    <message>
        <source>Saved {name} — ready for the next visitor</source>
        <translation>{name} enregistré — prêt pour le visiteur suivant</translation>
    </message>
</context>
<context>
    <name>ShowDetailsForm</name>
    <message>
        <source>{zone}, from the country</source>
        <translation>{zone}, d'après le pays</translation>
    </message>
    <message>
        <source>UTC: choose one of the country's zones</source>
        <translation>UTC : choisissez l'un des fuseaux horaires du pays</translation>
    </message>
    <message>
        <source>UTC, or the country's zone</source>
        <translation>UTC, ou le fuseau horaire du pays</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field} : {reason}</translation>
    </message>
</context>
<context>
    <name>ShowDetailsView</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Also the default country of phone numbers typed at the booth</source>
        <translation>Également le pays par défaut des numéros de téléphone saisis sur le stand</translation>
    </message>
    <message>
        <source>e.g. Germany, Allemagne or DE</source>
        <translation>ex. : Allemagne, Germany ou DE</translation>
    </message>
    <message>
        <source>Times in the lead list and “Today” follow this zone</source>
        <translation>Les heures de la liste des prospects et « Aujourd'hui » suivent ce fuseau horaire</translation>
    </message>
    <message>
        <source>What the visitor agrees to, shown on the capture form above the consent box</source>
        <translation>Ce que le visiteur accepte, affiché sur la fiche de saisie au-dessus de la case de consentement</translation>
    </message>
    <message>
        <source>e.g. 2025-11</source>
        <translation>ex. : 2025-11</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field} :</translation>
    </message>
</context>
<context>
    <name>ShowHeader</name>
    <message>
        <source>New show…</source>
        <translation>Nouveau salon…</translation>
    </message>
    <message>
        <source>times in {timezone}</source>
        <translation>fuseau horaire {timezone}</translation>
    </message>
</context>
<context>
    <name>ShowSettingsDialog</name>
    <message>
        <source>Show settings — {show}</source>
        <translation>Paramètres du salon — {show}</translation>
    </message>
    <message>
        <source>a staff member needs a name</source>
        <translation>un membre de l'équipe doit avoir un nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field} : {reason}</translation>
    </message>
    <message>
        <source>the catalogue already has {sku}</source>
        <translation>le catalogue contient déjà {sku}</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Import the product catalogue</source>
        <translation>Importer le catalogue de produits</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.ods *.csv *.tsv *.txt);;All files (*)</source>
        <translation>Feuilles de calcul (*.xlsx *.xls *.ods *.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Imported {file}: {added} products added, {updated} updated; they are on this show's stand.</source>
        <translation>{file} importé : {added} produits ajoutés, {updated} mis à jour ; ils sont sur le stand de ce salon.</translation>
    </message>
    <message>
        <source>Export the product catalogue</source>
        <translation>Exporter le catalogue de produits</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Classeur Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Wrote the {count} products of the catalogue to {path}.</source>
        <translation>Les {count} produits du catalogue ont été écrits dans {path}.</translation>
    </message>
    <message>
        <source>type the question first</source>
        <translation>saisissez d'abord la question</translation>
    </message>
    <message>
        <source>give the choices, separated by commas</source>
        <translation>indiquez les choix, séparés par des virgules</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Nothing was saved. {reason}</source>
        <translation>Rien n'a été enregistré. {reason}</translation>
    </message>
    <message>
        <source>Nothing was saved: check “{field}” on the Show tab.</source>
        <translation>Rien n'a été enregistré : vérifiez « {field} » dans l'onglet Salon.</translation>
    </message>
    <message>
        <source>Tick at least one kind of code to read.</source>
        <translation>Cochez au moins un type de code à lire.</translation>
    </message>
    <message>
        <source>Nothing was saved: check the Badges tab.</source>
        <translation>Rien n'a été enregistré : vérifiez l'onglet Codes des badges.</translation>
    </message>
</context>
<context>
    <name>ShowSettingsView</name>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Salon</translation>
    </message>
    <message>
        <source>St&amp;aff</source>
        <translation>Éq&amp;uipe</translation>
    </message>
    <message>
        <source>&amp;Products</source>
        <translation>&amp;Produits</translation>
    </message>
    <message>
        <source>&amp;Questions</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <source>Badge &amp;codes</source>
        <translation>&amp;Codes des badges</translation>
    </message>
    <message>
        <source>Save settin&amp;gs</source>
        <translation>Enre&amp;gistrer les paramètres</translation>
    </message>
    <message>
        <source>The kinds of code the camera and badge pictures look for. European badges mostly carry QR codes; North American ones often PDF417 or Data Matrix; linear codes carry a bare badge ID. A USB scanner reads what it is set to read, whatever is ticked here.</source>
        <translation>Les types de code que la caméra et les photos de badges recherchent. Les badges européens portent le plus souvent des QR codes ; les badges nord-américains souvent du PDF417 ou du Data Matrix ; les codes linéaires ne portent qu'un numéro de badge. Un scanner USB lit les codes pour lesquels il est configuré, indépendamment de ce qui est coché ici.</translation>
    </message>
    <message>
        <source>Codes read by the camera and from pictures</source>
        <translation>Codes lus par la caméra et sur les photos</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Membres de l'équipe</translation>
    </message>
    <message>
        <source>name@company.com (optional)</source>
        <translation>nom@societe.fr (facultatif)</translation>
    </message>
    <message>
        <source>A&amp;dd staff member</source>
        <translation>A&amp;jouter le membre</translation>
    </message>
    <message>
        <source>Tick who works this show: they can be chosen at the laptop and in the lead filters. Untick Active for someone who has left.</source>
        <translation>Cochez les personnes qui travaillent sur ce salon : elles pourront être choisies sur le portable et dans les filtres des prospects. Décochez Actif pour une personne qui est partie.</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Ajouter un membre de l'équipe</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>E-&amp;mail:</source>
        <translation>E-&amp;mail :</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Rô&amp;le :</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produits</translation>
    </message>
    <message>
        <source>e.g. TC-6040</source>
        <translation>ex. : TC-6040</translation>
    </message>
    <message>
        <source>A&amp;dd product</source>
        <translation>A&amp;jouter le produit</translation>
    </message>
    <message>
        <source>&amp;Import catalogue…</source>
        <translation>&amp;Importer le catalogue…</translation>
    </message>
    <message>
        <source>Add or update products from a spreadsheet (.xlsx, .ods or .csv), with a preview</source>
        <translation>Ajouter ou mettre à jour des produits depuis une feuille de calcul (.xlsx, .ods ou .csv), avec un aperçu</translation>
    </message>
    <message>
        <source>E&amp;xport catalogue…</source>
        <translation>E&amp;xporter le catalogue…</translation>
    </message>
    <message>
        <source>Tick the products on the stand at this show: the capture form lists them. New products join the catalogue and go on the stand.</source>
        <translation>Cochez les produits présents sur le stand de ce salon : la fiche de saisie les liste. Les nouveaux produits rejoignent le catalogue et sont placés sur le stand.</translation>
    </message>
    <message>
        <source>Add a product</source>
        <translation>Ajouter un produit</translation>
    </message>
    <message>
        <source>S&amp;KU:</source>
        <translation>Ré&amp;férence :</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ca&amp;tégorie :</translation>
    </message>
    <message>
        <source>Qualifier questions</source>
        <translation>Questions de qualification</translation>
    </message>
    <message>
        <source>D&amp;elete question</source>
        <translation>Supprim&amp;er la question</translation>
    </message>
    <message>
        <source>M&amp;ove up</source>
        <translation>M&amp;onter</translation>
    </message>
    <message>
        <source>Ask the selected question earlier (Ctrl+Up)</source>
        <translation>Poser la question sélectionnée plus tôt (Ctrl+Haut)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <source>Ask the selected question later (Ctrl+Down)</source>
        <translation>Poser la question sélectionnée plus tard (Ctrl+Bas)</translation>
    </message>
    <message>
        <source>e.g. Budget this year?</source>
        <translation>ex. : Budget cette année ?</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. &lt;10k, 10-50k, &gt;50k</source>
        <translation>Séparés par des virgules, ex. : &lt;10k, 10-50k, &gt;50k</translation>
    </message>
    <message>
        <source>A&amp;dd question</source>
        <translation>A&amp;jouter la question</translation>
    </message>
    <message>
        <source>Asked on the capture form in this order. New questions go to the end; move the selected one with Move up and Move down. Double-click a question (or press F2) to correct its text.</source>
        <translation>Posées sur la fiche de saisie dans cet ordre. Les nouvelles questions s'ajoutent à la fin ; déplacez la question sélectionnée avec Monter et Descendre. Double-cliquez sur une question (ou appuyez sur F2) pour corriger son texte.</translation>
    </message>
    <message>
        <source>Add a question</source>
        <translation>Ajouter une question</translation>
    </message>
    <message>
        <source>Q&amp;uestion:</source>
        <translation>Questio&amp;n :</translation>
    </message>
    <message>
        <source>C&amp;hoices:</source>
        <translation>C&amp;hoix :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kind of answer</source>
        <translation>Type de réponse</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
</context>
<context>
    <name>ShowTaskDialog</name>
    <message>
        <source>{title} — {show}</source>
        <translation>{title} — {show}</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Bring the deleted lead back (Ctrl+Z)</source>
        <translation>Rétablir le prospect supprimé (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Leads captured today (show time) at this show</source>
        <translation>Prospects saisis aujourd'hui (heure du salon) sur ce salon</translation>
    </message>
    <message>
        <source>Leads captured today by the person at this laptop</source>
        <translation>Prospects saisis aujourd'hui par la personne à ce portable</translation>
    </message>
    <message>
        <source>Every lead of this show</source>
        <translation>Tous les prospects de ce salon</translation>
    </message>
    <message>
        <source>⚠ Unsafe folder for the database</source>
        <translation>⚠ Dossier risqué pour la base de données</translation>
    </message>
    <message>
        <source>Today: {count}</source>
        <translation>Aujourd'hui : {count}</translation>
    </message>
    <message>
        <source>In the show: {count}</source>
        <translation>Sur le salon : {count}</translation>
    </message>
    <message>
        <source>By me today: {count}</source>
        <translation>Par moi aujourd'hui : {count}</translation>
    </message>
</context>
<context>
    <name>SubjectExportDialog</name>
    <message>
        <source>Export what is held on a person</source>
        <translation>Exporter les données détenues sur une personne</translation>
    </message>
    <message>
        <source>E-&amp;mail address:</source>
        <translation>Adresse e-&amp;mail :</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>&amp;Enregistrer sous…</translation>
    </message>
    <message>
        <source>Type the person's e-mail address first.</source>
        <translation>Saisissez d'abord l'adresse e-mail de la personne.</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Écriture…</translation>
    </message>
    <message>
        <source>Wrote what is held on {email} ({count} lead) to {json} and {html}</source>
        <translation>Données détenues sur {email} ({count} prospect) écrites dans {json} et {html}</translation>
    </message>
    <message>
        <source>Wrote what is held on {email} ({count} leads) to {json} and {html}</source>
        <translation>Données détenues sur {email} ({count} prospects) écrites dans {json} et {html}</translation>
    </message>
    <message>
        <source>Nothing was written: {error}</source>
        <translation>Rien n'a été écrit : {error}</translation>
    </message>
</context>
<context>
    <name>ThanksView</name>
    <message>
        <source>Touch the screen to register someone else.</source>
        <translation>Touchez l'écran pour inscrire une autre personne.</translation>
    </message>
</context>
<context>
    <name>WarningBar</name>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
</context>
<context>
    <name>WedgeScanner</name>
    <message>
        <source>the scan was over {count} characters long: this is not a badge; scan the badge again</source>
        <translation>le scan dépassait {count} caractères : ce n'est pas un badge ; scannez à nouveau le badge</translation>
    </message>
    <message>
        <source>the scan was empty: scan the badge again</source>
        <translation>le scan était vide : scannez à nouveau le badge</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>This version of boothapp has no demo show.</source>
        <translation>Cette version de boothapp n'a pas de salon de démonstration.</translation>
    </message>
    <message>
        <source>Adding a show, staff, products and {count} sample leads…</source>
        <translation>Ajout d'un salon, d'une équipe, de produits et de {count} prospects d'exemple…</translation>
    </message>
    <message>
        <source>Created the demo show “{name}”.</source>
        <translation>Salon de démonstration « {name} » créé.</translation>
    </message>
    <message>
        <source>The demo show could not be created: {error}</source>
        <translation>Le salon de démonstration n'a pas pu être créé : {error}</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>No show yet</source>
        <translation>Aucun salon pour l'instant</translation>
    </message>
    <message>
        <source>boothapp keeps the leads of each trade show apart. Set up your show (its name, dates, place and consent text; staff and products come next), or try boothapp with a demo show full of sample visitors.</source>
        <translation>boothapp sépare les prospects de chaque salon professionnel. Créez votre salon (son nom, ses dates, son lieu et son texte de consentement ; l'équipe et les produits viennent ensuite), ou essayez boothapp avec un salon de démonstration rempli de visiteurs d'exemple.</translation>
    </message>
    <message>
        <source>Set up a new show…</source>
        <translation>Créer un nouveau salon…</translation>
    </message>
    <message>
        <source>Create the demo show</source>
        <translation>Créer le salon de démonstration</translation>
    </message>
    <message>
        <source>Creating the demo show…</source>
        <translation>Création du salon de démonstration…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>{app} cannot start</source>
        <translation>{app} ne peut pas démarrer</translation>
    </message>
    <message>
        <source>Nothing was restored from {backup}: {error}</source>
        <translation>Rien n'a été restauré à partir de {backup} : {error}</translation>
    </message>
</context>
<context>
    <name>calibration_dialog</name>
    <message>
        <source>Scan this code once with each handheld scanner.
boothapp then knows what the laptop's keyboard layout does to the scanner's keys and puts scanned badges right.</source>
        <translation>Scannez ce code une fois avec chaque scanner portatif.
boothapp sait alors ce que la disposition du clavier du portable fait aux touches du scanner et corrige les badges scannés.</translation>
    </message>
    <message>
        <source>The scanner types exactly as sent: nothing needs translating.</source>
        <translation>Le scanner tape exactement ce qu'il envoie : aucune conversion n'est nécessaire.</translation>
    </message>
    <message>
        <source>The laptop's keyboard layout reads like {layout}.</source>
        <translation>La disposition du clavier du portable se lit comme {layout}.</translation>
    </message>
    <message>
        <source>{count} characters are translated back:</source>
        <translation>Caractères reconvertis ({count}) :</translation>
    </message>
    <message>
        <source>space</source>
        <translation>espace</translation>
    </message>
    <message>
        <source>These characters cannot be typed by the scanner on this layout: {shown}. Badges holding them may come out wrong; set the scanner's keyboard country to the laptop's layout if that matters.</source>
        <translation>Ces caractères ne peuvent pas être tapés par le scanner avec cette disposition : {shown}. Les badges qui en contiennent peuvent être mal lus ; si c'est important, réglez le pays du clavier du scanner sur la disposition du portable.</translation>
    </message>
</context>
<context>
    <name>camera</name>
    <message>
        <source>No camera found: connect one or use the badge box</source>
        <translation>Aucune caméra trouvée : branchez-en une ou utilisez la zone de saisie de badge</translation>
    </message>
    <message>
        <source>boothapp may not use the camera: allow it in the system's privacy settings, or use the badge box</source>
        <translation>boothapp n'a pas le droit d'utiliser la caméra : autorisez-la dans les paramètres de confidentialité du système, ou utilisez la zone de saisie de badge</translation>
    </message>
    <message>
        <source>{path} does not exist: choose the photo again</source>
        <translation>{path} n'existe pas : choisissez à nouveau la photo</translation>
    </message>
    <message>
        <source>{name} cannot be read as an image: use a PNG, JPEG, BMP or GIF file</source>
        <translation>{name} ne peut pas être lu comme une image : utilisez un fichier PNG, JPEG, BMP ou GIF</translation>
    </message>
</context>
<context>
    <name>camera_dialog</name>
    <message>
        <source>Hold the badge's code in front of the camera</source>
        <translation>Présentez le code du badge devant la caméra</translation>
    </message>
</context>
<context>
    <name>capture_view</name>
    <message>
        <source>Fi&amp;rst name</source>
        <translation>P&amp;rénom</translation>
    </message>
    <message>
        <source>&amp;Last name</source>
        <translation>N&amp;om</translation>
    </message>
    <message>
        <source>Compan&amp;y</source>
        <translation>&amp;Société</translation>
    </message>
    <message>
        <source>Type to see companies met before</source>
        <translation>Tapez pour voir les sociétés déjà rencontrées</translation>
    </message>
    <message>
        <source>&amp;Job title</source>
        <translation>Fon&amp;ction</translation>
    </message>
    <message>
        <source>E-ma&amp;il</source>
        <translation>E-ma&amp;il</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>nom@societe.fr</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Télép&amp;hone</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>Ci&amp;ty</source>
        <translation>Vi&amp;lle</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <source>company.com</source>
        <translation>societe.fr</translation>
    </message>
</context>
<context>
    <name>catalogue_dialog</name>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Caractéristiques</translation>
    </message>
    <message>
        <source>{attribute}: {value}</source>
        <translation>{attribute} : {value}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>A report was saved to:
{path}

Please send that file to whoever supports boothapp.</source>
        <translation>Un rapport a été enregistré dans :
{path}

Veuillez envoyer ce fichier à la personne qui assure le support de boothapp.</translation>
    </message>
    <message>
        <source>The report could not be saved; the details are below.</source>
        <translation>Le rapport n'a pas pu être enregistré ; les détails figurent ci-dessous.</translation>
    </message>
    <message>
        <source>{app} — unexpected error</source>
        <translation>{app} — erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong: {summary}

Leads saved so far are safe.</source>
        <translation>Un problème est survenu : {summary}

Les prospects déjà enregistrés sont en sécurité.</translation>
    </message>
</context>
<context>
    <name>dashboard</name>
    <message>
        <source>No leads yet for this show</source>
        <translation>Aucun prospect pour ce salon pour l'instant</translation>
    </message>
    <message>
        <source>No show is open</source>
        <translation>Aucun salon n'est ouvert</translation>
    </message>
    <message>
        <source>{count} lead</source>
        <translation>{count} prospect</translation>
    </message>
    <message>
        <source>{count} leads</source>
        <translation>{count} prospects</translation>
    </message>
</context>
<context>
    <name>export_dialog</name>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard files (*.vcf *.vcard)</source>
        <translation>Fichiers vCard (*.vcf *.vcard)</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Toutes les colonnes</translation>
    </message>
    <message>
        <source>Excel set to French, German and other languages that write decimals with a comma opens a CSV file in one column unless its fields are separated by semicolons.</source>
        <translation>Excel réglé en français, en allemand ou dans une autre langue qui écrit les décimales avec une virgule ouvre un fichier CSV sur une seule colonne, sauf si ses champs sont séparés par des points-virgules.</translation>
    </message>
    <message>
        <source>Each export marks the leads it wrote. Tick this to leave out every lead that an earlier export of this show already wrote.</source>
        <translation>Chaque export marque les prospects qu'il a écrits. Cochez cette case pour exclure tous les prospects déjà écrits par un export précédent de ce salon.</translation>
    </message>
    <message>
        <source>{count} lead will be exported</source>
        <translation>{count} prospect sera exporté</translation>
    </message>
    <message>
        <source>{count} leads will be exported</source>
        <translation>{count} prospects seront exportés</translation>
    </message>
</context>
<context>
    <name>follow_up_queue</name>
    <message>
        <source>Done</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Relance</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>{count} follow-up</source>
        <translation>{count} relance</translation>
    </message>
    <message>
        <source>{count} follow-ups</source>
        <translation>{count} relances</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>Booth {booth}</source>
        <translation>Stand {booth}</translation>
    </message>
</context>
<context>
    <name>import_dialog</name>
    <message>
        <source>Attendee lists ({patterns});;All files (*)</source>
        <translation>Listes de visiteurs ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>— not used —</source>
        <translation>— non utilisée —</translation>
    </message>
    <message>
        <source>Imported {count} attendee from {file}: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>{count} visiteur importé depuis {file} : {added} ajoutés, {updated} mis à jour, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>Imported {count} attendees from {file}: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>{count} visiteurs importés depuis {file} : {added} ajoutés, {updated} mis à jour, {unchanged} inchangés</translation>
    </message>
    <message>
        <source>{count} pending lead filled in</source>
        <translation>{count} prospect en attente complété</translation>
    </message>
    <message>
        <source>{count} pending leads filled in</source>
        <translation>{count} prospects en attente complétés</translation>
    </message>
    <message>
        <source>{imported}; {filled}</source>
        <translation>{imported} ; {filled}</translation>
    </message>
    <message>
        <source>{summary} ({count} warning)</source>
        <translation>{summary} ({count} avertissement)</translation>
    </message>
    <message>
        <source>{summary} ({count} warnings)</source>
        <translation>{summary} ({count} avertissements)</translation>
    </message>
</context>
<context>
    <name>kiosk_view</name>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>name@company.com</source>
        <translation>nom@societe.fr</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
</context>
<context>
    <name>kiosk_window</name>
    <message>
        <source>Leaving kiosk mode</source>
        <translation>La sortie du mode borne</translation>
    </message>
    <message>
        <source>Your badge is read: please check your details, then tap Register.</source>
        <translation>Votre badge a été lu : vérifiez vos coordonnées, puis touchez « S'inscrire ».</translation>
    </message>
    <message>
        <source>Your badge is read. Please type your details, then tap Register.</source>
        <translation>Votre badge a été lu. Saisissez vos coordonnées, puis touchez « S'inscrire ».</translation>
    </message>
    <message>
        <source>We could not read your badge: please type your details instead.</source>
        <translation>Nous n'avons pas pu lire votre badge : merci de saisir vos coordonnées.</translation>
    </message>
    <message>
        <source>We cannot register you here: please ask a member of our team.</source>
        <translation>Nous ne pouvons pas vous inscrire ici : adressez-vous à un membre de notre équipe.</translation>
    </message>
    <message>
        <source>Sorry, your details could not be saved: please ask a member of our team.</source>
        <translation>Désolés, vos coordonnées n'ont pas pu être enregistrées : adressez-vous à un membre de notre équipe.</translation>
    </message>
    <message>
        <source>No manager PIN is set, so anyone who knows this key combination can leave kiosk mode and see the leads. Set a manager PIN in Show settings to lock it.

Leave kiosk mode?</source>
        <translation>Aucun code PIN du responsable n'est défini : toute personne qui connaît cette combinaison de touches peut quitter le mode borne et voir les prospects. Définissez un code PIN du responsable dans les paramètres du salon pour le verrouiller.

Quitter le mode borne ?</translation>
    </message>
    <message>
        <source>Please check your e-mail address: it should look like name@company.com.</source>
        <translation>Vérifiez votre adresse e-mail : elle doit ressembler à nom@societe.fr.</translation>
    </message>
    <message>
        <source>We do not know this country: please choose it from the list, or leave it empty.</source>
        <translation>Nous ne connaissons pas ce pays : choisissez-le dans la liste ou laissez le champ vide.</translation>
    </message>
    <message>
        <source>Please check your phone number.</source>
        <translation>Vérifiez votre numéro de téléphone.</translation>
    </message>
    <message>
        <source>kiosk mode needs an open show: choose or create one</source>
        <translation>le mode borne nécessite un salon ouvert : choisissez-en un ou créez-en un</translation>
    </message>
    <message>
        <source>Left kiosk mode: {count} visitor registered</source>
        <translation>Mode borne quitté : {count} visiteur inscrit</translation>
    </message>
    <message>
        <source>Left kiosk mode: {count} visitors registered</source>
        <translation>Mode borne quitté : {count} visiteurs inscrits</translation>
    </message>
</context>
<context>
    <name>lead_detail</name>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>text version {version}</source>
        <translation>version du texte {version}</translation>
    </message>
    <message>
        <source>by {name}</source>
        <translation>par {name}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Yes ({details})</source>
        <translation>Oui ({details})</translation>
    </message>
</context>
<context>
    <name>legal_basis</name>
    <message>
        <source>The visitor asked not to be contacted after the show: exports and CRM files say so</source>
        <translation>Le visiteur a demandé à ne pas être contacté après le salon : les exports et les fichiers CRM l'indiquent</translation>
    </message>
</context>
<context>
    <name>merge_dialog</name>
    <message>
        <source>boothapp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Bases de données boothapp (*.sqlite3 *.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Bring another laptop's leads into this database: choose its database file (on a USB stick). The file is only read. You see what the merge would do before anything changes; a visitor captured on both laptops becomes one lead, and where the laptops set a field differently the later edit is kept and the other value is listed below for review.</source>
        <translation>Faites entrer dans cette base de données les prospects d'un autre portable : choisissez son fichier de base de données (sur une clé USB). Le fichier est seulement lu. Vous voyez ce que ferait la fusion avant que rien ne change ; un visiteur saisi sur les deux portables devient un seul prospect et, lorsque les portables ont rempli un champ différemment, la modification la plus récente est conservée et l'autre valeur est listée ci-dessous pour examen.</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Conservée</translation>
    </message>
    <message>
        <source>Left aside</source>
        <translation>Écartée</translation>
    </message>
    <message>
        <source>From file</source>
        <translation>Fichier d'origine</translation>
    </message>
    <message>
        <source>Badge ID</source>
        <translation>N° de badge</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Rue</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>Answer to {question}</source>
        <translation>Réponse à {question}</translation>
    </message>
    <message>
        <source>Quantity of {product}</source>
        <translation>Quantité de {product}</translation>
    </message>
    <message>
        <source>Remark of {product}</source>
        <translation>Remarque sur {product}</translation>
    </message>
    <message>
        <source>Product of {product}</source>
        <translation>Produit {product}</translation>
    </message>
    <message>
        <source>{names} and {count} more</source>
        <translation>{names} et {count} de plus</translation>
    </message>
    <message>
        <source>Merging {file} would bring: {added} new lead(s), {updated} updated, {joined} visitor(s) captured on both laptops joined, {unchanged} unchanged, {left_out} left out (erased or on the suppression list), {conflicts} conflict(s) to review.</source>
        <translation>La fusion de {file} apporterait : {added} nouveau(x) prospect(s), {updated} mis à jour, {joined} visiteur(s) saisi(s) sur les deux portables réuni(s), {unchanged} inchangé(s), {left_out} écarté(s) (effacés ou sur la liste d'exclusion), {conflicts} conflit(s) à examiner.</translation>
    </message>
    <message>
        <source>Merging {file} brought: {added} new lead(s), {updated} updated, {joined} visitor(s) captured on both laptops joined, {unchanged} unchanged, {left_out} left out (erased or on the suppression list), {conflicts} conflict(s) to review.</source>
        <translation>La fusion de {file} a apporté : {added} nouveau(x) prospect(s), {updated} mis à jour, {joined} visiteur(s) saisi(s) sur les deux portables réuni(s), {unchanged} inchangé(s), {left_out} écarté(s) (effacés ou sur la liste d'exclusion), {conflicts} conflit(s) à examiner.</translation>
    </message>
    <message>
        <source>Shows added: {names}</source>
        <translation>Salons ajoutés : {names}</translation>
    </message>
    <message>
        <source>Staff added: {names}</source>
        <translation>Membres de l'équipe ajoutés : {names}</translation>
    </message>
    <message>
        <source>Products added: {names}</source>
        <translation>Produits ajoutés : {names}</translation>
    </message>
    <message>
        <source>Questions added: {names}</source>
        <translation>Questions ajoutées : {names}</translation>
    </message>
    <message>
        <source>New: {names}</source>
        <translation>Nouveaux : {names}</translation>
    </message>
    <message>
        <source>Updated: {names}</source>
        <translation>Mis à jour : {names}</translation>
    </message>
    <message>
        <source>Joined: {names}</source>
        <translation>Réunis : {names}</translation>
    </message>
    <message>
        <source>Nothing changed: this database already holds everything in the file.</source>
        <translation>Rien n'a changé : cette base de données contient déjà tout ce que contient le fichier.</translation>
    </message>
</context>
<context>
    <name>pin_dialog</name>
    <message>
        <source>exports, restoring a backup, new shows and show settings</source>
        <translation>les exportations, la restauration d'une sauvegarde, les nouveaux salons et les paramètres du salon</translation>
    </message>
    <message>
        <source>The manager PIN is right.</source>
        <translation>Le code PIN du responsable est correct.</translation>
    </message>
    <message>
        <source>Too many wrong manager PINs: wait {seconds} s before the next try.</source>
        <translation>Trop de codes PIN du responsable erronés : attendez {seconds} s avant le prochain essai.</translation>
    </message>
    <message>
        <source>Too many wrong manager PINs: try again.</source>
        <translation>Trop de codes PIN du responsable erronés : réessayez.</translation>
    </message>
    <message>
        <source>Too many wrong manager PINs.</source>
        <translation>Trop de codes PIN du responsable erronés.</translation>
    </message>
    <message>
        <source>The manager PIN is wrong: wait {seconds} s before the next try.</source>
        <translation>Le code PIN du responsable est erroné : attendez {seconds} s avant le prochain essai.</translation>
    </message>
    <message>
        <source>The manager PIN is wrong: try again.</source>
        <translation>Le code PIN du responsable est erroné : réessayez.</translation>
    </message>
    <message>
        <source>The manager PIN is wrong.</source>
        <translation>Le code PIN du responsable est erroné.</translation>
    </message>
</context>
<context>
    <name>printed_codes</name>
    <message>
        <source>Nobody is at this laptop: choose who you are at the top right first</source>
        <translation>Personne n'est à ce portable : indiquez d'abord qui vous êtes en haut à droite</translation>
    </message>
    <message>
        <source>Scan with your phone's camera to save my contact. Any key closes this.</source>
        <translation>Scannez avec l'appareil photo de votre téléphone pour enregistrer mes coordonnées. Appuyez sur une touche pour fermer.</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Scan with a phone's camera to add this visitor to its contacts. Any key closes this.</source>
        <translation>Scannez avec l'appareil photo d'un téléphone pour ajouter ce visiteur à ses contacts. Appuyez sur une touche pour fermer.</translation>
    </message>
    <message>
        <source>Save the capture sheet as PDF</source>
        <translation>Enregistrer la fiche de saisie en PDF</translation>
    </message>
    <message>
        <source>Making the capture sheet…</source>
        <translation>Création de la fiche de saisie…</translation>
    </message>
    <message>
        <source>Wrote the capture sheet to {file}</source>
        <translation>Fiche de saisie écrite dans {file}</translation>
    </message>
    <message>
        <source>The capture sheet was not written: {error}</source>
        <translation>La fiche de saisie n'a pas été écrite : {error}</translation>
    </message>
    <message>
        <source>Save the product sheet as PDF</source>
        <translation>Enregistrer la fiche produits en PDF</translation>
    </message>
    <message>
        <source>Making the product sheet…</source>
        <translation>Création de la fiche produits…</translation>
    </message>
    <message>
        <source>Wrote the product sheet to {file}</source>
        <translation>Fiche produits écrite dans {file}</translation>
    </message>
    <message>
        <source>The product sheet was not written: {error}</source>
        <translation>La fiche produits n'a pas été écrite : {error}</translation>
    </message>
    <message>
        <source>Save the test badges as PDF</source>
        <translation>Enregistrer les badges de test en PDF</translation>
    </message>
    <message>
        <source>Making the test badges…</source>
        <translation>Création des badges de test…</translation>
    </message>
    <message>
        <source>Wrote the test badges to {file}</source>
        <translation>Badges de test écrits dans {file}</translation>
    </message>
    <message>
        <source>The test badges were not written: {error}</source>
        <translation>Les badges de test n'ont pas été écrits : {error}</translation>
    </message>
    <message>
        <source>The business cards were not written: {error}</source>
        <translation>Les cartes de visite n'ont pas été écrites : {error}</translation>
    </message>
    <message>
        <source>Save the business cards as PDF</source>
        <translation>Enregistrer les cartes de visite en PDF</translation>
    </message>
    <message>
        <source>Making the business cards…</source>
        <translation>Création des cartes de visite…</translation>
    </message>
    <message>
        <source>Wrote the business cards to {file}</source>
        <translation>Cartes de visite écrites dans {file}</translation>
    </message>
    <message>
        <source>Nobody is at this laptop: choose who you are to print your cards</source>
        <translation>Personne n'est à ce portable : indiquez qui vous êtes pour imprimer vos cartes</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>{message} ({warnings})</source>
        <translation>{message} ({warnings})</translation>
    </message>
</context>
<context>
    <name>privacy_dialog</name>
    <message>
        <source>The database file could not be compacted yet (another program is using it, or the disk is nearly full): erased bytes may stay in its unused space until an erasure or purge compacts it; close other programs, free some space and erase the address again.</source>
        <translation>Le fichier de la base de données n'a pas encore pu être compacté (un autre programme l'utilise, ou le disque est presque plein) : des octets effacés peuvent rester dans son espace inutilisé jusqu'à ce qu'un effacement ou une purge le compacte ; fermez les autres programmes, libérez de l'espace et effacez à nouveau l'adresse.</translation>
    </message>
    <message>
        <source>A lead deleted with Edit &gt; Delete lead keeps everything, its notes too, so that it can be restored; erasing is the way to remove it for good.</source>
        <translation>Un prospect supprimé avec Édition &gt; Supprimer le prospect conserve tout, y compris ses notes, afin de pouvoir être restauré ; l'effacement est le moyen de le retirer définitivement.</translation>
    </message>
    <message>
        <source>Erase a person for good when they ask: give their e-mail address to erase every lead with it, in every show, or take the lead selected in the list. The leads go with their notes, visits, products and answers, and the person's e-mail address and badge go on the suppression list, so that no scan, attendee list or merge brings them back. This cannot be undone.</source>
        <translation>Effacez définitivement une personne à sa demande : indiquez son adresse e-mail pour effacer tous les prospects qui la portent, dans tous les salons, ou prenez le prospect sélectionné dans la liste. Les prospects disparaissent avec leurs notes, visites, produits et réponses, et l'adresse e-mail et le badge de la personne sont ajoutés à la liste d'exclusion, afin qu'aucun scan, liste des visiteurs ou fusion ne les fasse revenir. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Leads not contacted (no change, no visit) within the retention period are listed here and can be purged for good. The period is kept for the whole booth, every laptop using this database. Purged people are not put on the suppression list: they can be captured again if they come back.</source>
        <translation>Les prospects sans contact (ni modification, ni visite) pendant la durée de conservation sont listés ici et peuvent être purgés définitivement. La durée vaut pour tout le stand, sur chaque portable utilisant cette base de données. Les personnes purgées ne sont pas ajoutées à la liste d'exclusion : elles peuvent être saisies à nouveau si elles reviennent.</translation>
    </message>
    <message>
        <source>Write everything held on one person (found by e-mail address, in every show) as a JSON file and, beside it, a page they can read: their leads, notes, visits, products, answers, consent, legal basis and the audit entries about them.</source>
        <translation>Écrire tout ce qui est détenu sur une personne (trouvée par son adresse e-mail, dans tous les salons) dans un fichier JSON et, à côté, une page lisible par elle : ses prospects, notes, visites, produits, réponses, consentement, base légale et les entrées du journal d'audit la concernant.</translation>
    </message>
    <message>
        <source>{message} {not_wiped}</source>
        <translation>{message} {not_wiped}</translation>
    </message>
    <message>
        <source>{name} ({show}, deleted)</source>
        <translation>{name} ({show}, supprimé)</translation>
    </message>
    <message>
        <source>{name} ({show})</source>
        <translation>{name} ({show})</translation>
    </message>
    <message>
        <source>No lead holds {email}: the address goes on the suppression list, so that no scan, attendee list or merge brings the person in</source>
        <translation>Aucun prospect n'a l'adresse {email} : elle est ajoutée à la liste d'exclusion, afin qu'aucun scan, liste des visiteurs ou fusion ne fasse entrer la personne</translation>
    </message>
    <message>
        <source>• {lead}</source>
        <translation>• {lead}</translation>
    </message>
    <message>
        <source>({count} other lead with this lead's e-mail address stay: erase the address to remove them too.)</source>
        <translation>({count} autre prospect avec l'adresse e-mail de ce prospect est conservé : effacez l'adresse pour le retirer aussi.)</translation>
    </message>
    <message>
        <source>({count} other leads with this lead's e-mail address stay: erase the address to remove them too.)</source>
        <translation>({count} autres prospects avec l'adresse e-mail de ce prospect sont conservés : effacez l'adresse pour les retirer aussi.)</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Save what is held on the person</source>
        <translation>Enregistrer les données détenues sur la personne</translation>
    </message>
    <message>
        <source>JSON and a web page beside it (*.json)</source>
        <translation>JSON et une page web à côté (*.json)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>{count} day old</source>
        <translation>datant de {count} jour</translation>
    </message>
    <message>
        <source>{count} days old</source>
        <translation>datant de {count} jours</translation>
    </message>
    <message>
        <source>{count} hour old</source>
        <translation>datant de {count} heure</translation>
    </message>
    <message>
        <source>{count} hours old</source>
        <translation>datant de {count} heures</translation>
    </message>
    <message>
        <source>{count} minute old</source>
        <translation>datant de {count} minute</translation>
    </message>
    <message>
        <source>{count} minutes old</source>
        <translation>datant de {count} minutes</translation>
    </message>
    <message>
        <source>less than a minute old</source>
        <translation>datant de moins d'une minute</translation>
    </message>
    <message>
        <source>{count} lead, {age} (made {made})</source>
        <translation>{count} prospect, {age} (faite le {made})</translation>
    </message>
    <message>
        <source>{count} leads, {age} (made {made})</source>
        <translation>{count} prospects, {age} (faite le {made})</translation>
    </message>
    <message>
        <source>Restored {count} leads from {source}</source>
        <translation>{count} prospect(s) restauré(s) depuis {source}</translation>
    </message>
    <message>
        <source>{summary} ({count} erased lead removed again)</source>
        <translation>{summary} ({count} prospect effacé retiré à nouveau)</translation>
    </message>
    <message>
        <source>{summary} ({count} erased leads removed again)</source>
        <translation>{summary} ({count} prospects effacés retirés à nouveau)</translation>
    </message>
    <message>
        <source>{summary}; the file it replaced is kept as {file}</source>
        <translation>{summary} ; le fichier remplacé est conservé sous le nom {file}</translation>
    </message>
    <message>
        <source>the backup {file}</source>
        <translation>la sauvegarde {file}</translation>
    </message>
    <message>
        <source>{summary}.</source>
        <translation>{summary}.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Set the journal aside (kept as {files}); the file opened as it is.</source>
        <translation>Journal mis de côté (conservé sous le nom {files}) ; le fichier s'est ouvert tel quel.</translation>
    </message>
    <message>
        <source>The database has a journal file that is not its own</source>
        <translation>La base de données a un fichier journal qui n'est pas le sien</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>Le fichier de la base de données est endommagé</translation>
    </message>
    <message>
        <source>The database file is empty</source>
        <translation>Le fichier de la base de données est vide</translation>
    </message>
</context>
<context>
    <name>registration</name>
    <message>
        <source>Please tell us your name.</source>
        <translation>Merci d'indiquer votre nom.</translation>
    </message>
    <message>
        <source>Please give your e-mail address or phone number, so that we can reach you.</source>
        <translation>Merci d'indiquer votre e-mail ou votre téléphone, pour que nous puissions vous recontacter.</translation>
    </message>
</context>
<context>
    <name>scan_controller</name>
    <message>
        <source>Badge not recognised: saved as pending, raw text kept</source>
        <translation>Badge non reconnu : enregistré en attente, texte brut conservé</translation>
    </message>
    <message>
        <source>No show is open: choose or create a show before scanning badges</source>
        <translation>Aucun salon n'est ouvert : choisissez ou créez un salon avant de scanner des badges</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.webp *.gif)</source>
        <translation>Images (*.png *.jpg *.jpeg *.bmp *.webp *.gif)</translation>
    </message>
    <message>
        <source>badge {badge}</source>
        <translation>le badge {badge}</translation>
    </message>
    <message>
        <source>the scan</source>
        <translation>le scan</translation>
    </message>
    <message>
        <source> ({ordinal} visit)</source>
        <translation> ({ordinal} visite)</translation>
    </message>
    <message>
        <source>Saved {what} as pending{again}: it is not in the attendee list; importing the list fills it in</source>
        <translation>Enregistré en attente{again} : {what} n'est pas dans la liste des visiteurs ; l'importer le complétera</translation>
    </message>
    <message>
        <source>Saved {what} as pending{again}: the badge could not be read; edit the lead</source>
        <translation>Enregistré en attente{again} : {what} n'a pas pu être lu ; complétez le prospect</translation>
    </message>
    <message>
        <source>{name} — new lead</source>
        <translation>{name} — nouveau prospect</translation>
    </message>
    <message>
        <source>{name} — {ordinal} visit</source>
        <translation>{name} — {ordinal} visite</translation>
    </message>
</context>
<context>
    <name>settings_models</name>
    <message>
        <source>New: stored when the settings are saved</source>
        <translation>Nouveau : sera enregistré avec les paramètres</translation>
    </message>
    <message>
        <source>Works this show</source>
        <translation>Sur ce salon</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>On the stand</source>
        <translation>Sur le stand</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
</context>
<context>
    <name>sheet_scans</name>
    <message>
        <source>No lead open: scan the visitor's badge (or type them in) first, then the sheet</source>
        <translation>Aucun prospect ouvert : scannez d'abord le badge du visiteur (ou saisissez-le), puis la feuille</translation>
    </message>
    <message>
        <source>Nothing to undo: no sheet code was applied to this lead</source>
        <translation>Rien à annuler : aucun code de la feuille n'a été appliqué à ce prospect</translation>
    </message>
</context>
<context>
    <name>show_settings_dialog</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
</context>
<context>
    <name>show_settings_view</name>
    <message>
        <source>Show &amp;name</source>
        <translation>&amp;Nom du salon</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>L&amp;ieu</translation>
    </message>
    <message>
        <source>Cit&amp;y</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>Co&amp;untry</source>
        <translation>P&amp;ays</translation>
    </message>
    <message>
        <source>&amp;First day</source>
        <translation>P&amp;remier jour</translation>
    </message>
    <message>
        <source>&amp;Last day</source>
        <translation>&amp;Dernier jour</translation>
    </message>
    <message>
        <source>&amp;Booth</source>
        <translation>S&amp;tand</translation>
    </message>
    <message>
        <source>&amp;Time zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <source>Consent te&amp;xt</source>
        <translation>Te&amp;xte de consentement</translation>
    </message>
    <message>
        <source>Consent v&amp;ersion</source>
        <translation>V&amp;ersion du consentement</translation>
    </message>
</context>
<context>
    <name>status_bar</name>
    <message>
        <source>No leads match the filters and “{search}”</source>
        <translation>Aucun prospect ne correspond aux filtres et à « {search} »</translation>
    </message>
    <message>
        <source>{matching} of {in_show} lead matches the filters and “{search}”</source>
        <translation>{matching} prospect sur {in_show} correspond aux filtres et à « {search} »</translation>
    </message>
    <message>
        <source>{matching} of {in_show} leads match the filters and “{search}”</source>
        <translation>{matching} prospects sur {in_show} correspondent aux filtres et à « {search} »</translation>
    </message>
    <message>
        <source>No leads match the filters</source>
        <translation>Aucun prospect ne correspond aux filtres</translation>
    </message>
    <message>
        <source>{matching} of {in_show} lead matches the filters</source>
        <translation>{matching} prospect sur {in_show} correspond aux filtres</translation>
    </message>
    <message>
        <source>{matching} of {in_show} leads match the filters</source>
        <translation>{matching} prospects sur {in_show} correspondent aux filtres</translation>
    </message>
    <message>
        <source>No leads match “{search}”</source>
        <translation>Aucun prospect ne correspond à « {search} »</translation>
    </message>
    <message>
        <source>{matching} of {in_show} lead matches “{search}”</source>
        <translation>{matching} prospect sur {in_show} correspond à « {search} »</translation>
    </message>
    <message>
        <source>{matching} of {in_show} leads match “{search}”</source>
        <translation>{matching} prospects sur {in_show} correspondent à « {search} »</translation>
    </message>
    <message>
        <source>No leads yet</source>
        <translation>Aucun prospect pour l'instant</translation>
    </message>
    <message>
        <source>{matching} lead</source>
        <translation>{matching} prospect</translation>
    </message>
    <message>
        <source>{matching} leads</source>
        <translation>{matching} prospects</translation>
    </message>
    <message>
        <source>Read-only, nothing can be saved: {database} is damaged. Still working: the list, search and export of the leads that can be read. To save again, quit and restore a backup, or copy every readable lead into a new file (salvage)</source>
        <translation>Lecture seule, rien ne peut être enregistré : {database} est endommagé. Fonctionnent encore : la liste, la recherche et l'export des prospects lisibles. Pour enregistrer à nouveau, quittez et restaurez une sauvegarde, ou copiez tous les prospects lisibles dans un nouveau fichier (récupération)</translation>
    </message>
    <message>
        <source>Read-only, nothing can be saved: {database} is damaged. Still working: the list, search and export of the leads that can be read. To save again, quit and restore a backup, or copy every readable lead into a new file: {command}</source>
        <translation>Lecture seule, rien ne peut être enregistré : {database} est endommagé. Fonctionnent encore : la liste, la recherche et l'export des prospects lisibles. Pour enregistrer à nouveau, quittez et restaurez une sauvegarde, ou copiez tous les prospects lisibles dans un nouveau fichier : {command}</translation>
    </message>
    <message>
        <source>Read-only, nothing can be saved: {reason}. Still working: the list, search, export, and File &gt; Back up now… to another disk (a USB stick).</source>
        <translation>Lecture seule, rien ne peut être enregistré : {reason}. Fonctionnent encore : la liste, la recherche, l'export et Fichier &gt; Sauvegarder maintenant… vers un autre disque (une clé USB).</translation>
    </message>
    <message>
        <source>Read-only: {reason}. Still working: the list, search, export, and File &gt; Back up now… to another disk (a USB stick).</source>
        <translation>Lecture seule : {reason}. Fonctionnent encore : la liste, la recherche, l'export et Fichier &gt; Sauvegarder maintenant… vers un autre disque (une clé USB).</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusion</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restauration</translation>
    </message>
    <message>
        <source>Erasure</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <source>Purge</source>
        <translation>Purge</translation>
    </message>
    <message>
        <source>Transit case</source>
        <translation>Valise de transport</translation>
    </message>
    <message>
        <source>Rack case</source>
        <translation>Valise rack</translation>
    </message>
    <message>
        <source>Rack</source>
        <translation>Baie</translation>
    </message>
    <message>
        <source>Accessory</source>
        <translation>Accessoire</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Send brochure</source>
        <translation>Brochure</translation>
    </message>
    <message>
        <source>Send quote</source>
        <translation>Devis</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Rappeler</translation>
    </message>
    <message>
        <source>Arrange meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Legitimate interest (business contact, informed)</source>
        <translation>Intérêt légitime (contact professionnel, informé)</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Non évalué</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(personne)</translation>
    </message>
    <message>
        <source>Internal dimensions</source>
        <translation>Dimensions intérieures</translation>
    </message>
    <message>
        <source>Rack units</source>
        <translation>Unités de rack</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <source>IP rating</source>
        <translation>Indice IP</translation>
    </message>
    <message>
        <source>Standards</source>
        <translation>Normes</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>One choice</source>
        <translation>Choix unique</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Choix multiples</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Équipier</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Typed in</source>
        <translation>Saisi</translation>
    </message>
    <message>
        <source>Badge scan</source>
        <translation>Scan de badge</translation>
    </message>
    <message>
        <source>Camera scan</source>
        <translation>Scan caméra</translation>
    </message>
    <message>
        <source>Badge photo</source>
        <translation>Photo de badge</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Effacé</translation>
    </message>
    <message>
        <source>Joined into another lead</source>
        <translation>Fusionné dans un autre prospect</translation>
    </message>
    <message>
        <source>QR Code</source>
        <translation>QR Code</translation>
    </message>
    <message>
        <source>PDF417</source>
        <translation>PDF417</translation>
    </message>
    <message>
        <source>Data Matrix</source>
        <translation>Data Matrix</translation>
    </message>
    <message>
        <source>Aztec</source>
        <translation>Aztec</translation>
    </message>
    <message>
        <source>Code 128</source>
        <translation>Code 128</translation>
    </message>
    <message>
        <source>Code 39</source>
        <translation>Code 39</translation>
    </message>
    <message>
        <source>ITF</source>
        <translation>ITF</translation>
    </message>
    <message>
        <source>EAN-13</source>
        <translation>EAN-13</translation>
    </message>
    <message>
        <source>Badge ID</source>
        <translation>N° de badge</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Any due day</source>
        <translation>Toute échéance</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Due today or before</source>
        <translation>À faire aujourd'hui ou avant</translation>
    </message>
    <message>
        <source>Due this week or before</source>
        <translation>À faire cette semaine ou avant</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Faite</translation>
    </message>
</context>
</TS>