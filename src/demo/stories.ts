import type { GoodPractice } from "../model.js";
import { InternalError } from "../errors.js";
import { INDICATOR_IDS, PERIODS } from "./demoSettings.js";

/** A synthetic good-practice story (good-practices/SLUG.md), in Spanish, maybe with an English version. */
export interface DemoStory extends Pick<
  GoodPractice,
  "district" | "period" | "indicator" | "title" | "body"
> {
  slug: string;
  english?: { title: string; body: string };
}

/** The demo's good-practice stories (synthetic). */
export const STORIES: DemoStory[] = [
  {
    slug: "registro-asistencia-whatsapp-chucuito",
    district: "210005",
    period: "2026-09",
    indicator: "asistencia-docentes",
    title: "Registro de asistencia docente por WhatsApp en zonas altas",
    body: `En los distritos altos de Chucuito, varias escuelas unidocentes quedan a más de tres horas de la sede de la UGEL y el parte de asistencia llegaba con semanas de retraso. El equipo de monitoreo acordó con los directores un registro diario por mensajería que se consolida cada viernes.

- Grupo de WhatsApp por red educativa, con un responsable que envía el parte a las 8:30.
- Plantilla única de asistencia y foto del cuaderno de firmas al cierre del mes.
- Llamada el mismo día cuando un docente falta dos días seguidos, para saber la causa y cubrir el aula.
- Reconocimiento público a las redes con parte completo en la jornada pedagógica mensual.

En tres meses, la UGEL pasó de conocer la asistencia a fin de mes a conocerla cada semana, y las aulas sin docente se cubren ahora en uno o dos días.`,
    // One story with its English version, so English reports show both cases (translated, and
    // Spanish with a note).
    english: {
      title: "Teacher attendance reported by WhatsApp in the highlands",
      body: `In the high districts of Chucuito, several one-teacher schools are more than three hours from the UGEL office, and attendance reports arrived weeks late. The monitoring team agreed with the principals on a daily report by messaging, consolidated every Friday.

- A WhatsApp group per school network, with one person who sends the report at 8:30.
- One attendance template, and a photo of the signature book at the end of the month.
- A call the same day when a teacher is absent two days running, to learn why and cover the class.
- Public recognition of the networks with complete reports at the monthly teaching day.

In three months the UGEL went from knowing attendance at the end of the month to knowing it every week, and classes without a teacher are now covered within one or two days.`,
    },
  },
  {
    slug: "cisternas-con-el-municipio-nauta",
    district: "160004",
    period: "2026-10",
    indicator: "servicios-basicos",
    title: "Cisternas con el municipio y agua de lluvia segura",
    body: `En Nauta, la vaciante del río dejó a muchas escuelas ribereñas sin agua segura. La UGEL firmó un acuerdo con la municipalidad provincial y con el centro de salud para no cerrar aulas por falta de agua.

- Ruta semanal de cisternas municipales a doce escuelas priorizadas por el monitoreo del mes anterior.
- Tanques de captación de agua de lluvia con filtro, instalados con apoyo de las APAFA.
- Capacitación a los comités de salud escolar en cloración y limpieza de tanques.
- Reporte fotográfico del nivel de los tanques cada lunes.

La medida no reemplaza la conexión a la red, que sigue pendiente, pero permitió mantener los servicios higiénicos en uso durante la temporada seca.`,
  },
  {
    slug: "mesa-de-partes-itinerante-huamanga",
    district: "050001",
    period: "2026-05",
    indicator: "materiales",
    title: "Mesa de partes itinerante para recoger los materiales",
    body: `Cada año, parte de los cuadernos de trabajo se quedaba en el almacén de la UGEL porque los directores rurales no podían viajar a Huamanga para recogerlos y firmar las actas. Este año la UGEL llevó la mesa de partes a las redes educativas.

- Calendario de visitas de una camioneta con dos especialistas y los materiales de cada red.
- Actas de entrega firmadas en el lugar y escaneadas el mismo día.
- Lista de faltantes registrada en una hoja compartida para reponer en la siguiente visita.

A fines de mayo, casi todas las escuelas visitadas tenían sus materiales completos y en uso en el aula.`,
  },
  {
    slug: "alerta-temprana-inasistencia-sjl",
    district: "150106",
    period: "2026-10",
    indicator: "asistencia-estudiantes",
    title: "Alerta temprana de inasistencia con las familias",
    body: `La UGEL 05 detectó en el monitoreo que la inasistencia se concentraba en estudiantes de secundaria que trabajan por las tardes. Con los tutores y las defensorías escolares armó una alerta temprana sencilla.

- Lista semanal de estudiantes con tres o más faltas, generada por cada colegio.
- Llamada del tutor a la familia en las 48 horas siguientes y visita si no hay respuesta.
- Horarios de recuperación los sábados para quienes volvieron después de una ausencia larga.
- Coordinación con la municipalidad para derivar casos de trabajo infantil.

Los colegios que aplicaron la alerta desde agosto muestran menos estudiantes con faltas repetidas en octubre.`,
  },
  {
    slug: "recuperacion-horas-tras-paralizacion-chumbivilcas",
    district: "080007",
    period: "2026-08",
    indicator: "horas-clase",
    title: "Plan de recuperación de horas tras la paralización",
    body: `Después de la paralización de junio, las escuelas de Chumbivilcas tenían semanas de clases perdidas. La UGEL pidió a cada director un plan de recuperación concreto y lo revisó con el monitoreo de cada mes.

- Cronograma de recuperación aprobado por el consejo educativo institucional y publicado en la puerta de la escuela.
- Media hora adicional al día y dos sábados al mes hasta completar las horas.
- Reprogramación de actividades no lectivas fuera del horario de clase.
- Verificación en la visita de monitoreo con el registro de horas de cada aula.

En agosto, la mayoría de las escuelas visitadas ya cumplía las horas del mes y avanzaba en las pendientes.`,
  },
  {
    slug: "jornadas-mantenimiento-apafa-coronel-portillo",
    district: "250001",
    period: "2026-09",
    indicator: "mantenimiento",
    title: "Jornadas de mantenimiento con las APAFA antes de las lluvias",
    body: `En Coronel Portillo, las lluvias de fin de año dañan techos y canaletas. La UGEL adelantó el programa de mantenimiento y lo organizó con las asociaciones de padres y madres de familia.

- Ficha técnica simple para priorizar techos, servicios higiénicos y cableado eléctrico.
- Acompañamiento de un especialista de infraestructura a los comités de mantenimiento.
- Faenas comunales los sábados, con materiales comprados con la asignación de mantenimiento.
- Rendición de cuentas con fotos y boletas en el mural de cada escuela.

Las escuelas monitoreadas en septiembre con el local en buen estado aumentaron respecto del mes anterior.`,
  },
  {
    slug: "agenda-compartida-directores-ayabaca",
    district: "200005",
    period: "2025-09",
    indicator: "asistencia-directores",
    title: "Agenda compartida para que el director esté en la escuela",
    body: `Los directores de Ayabaca pasaban muchos días fuera de sus escuelas atendiendo citaciones y trámites en la sede. La UGEL ordenó su propia agenda para reducir esas salidas.

- Un solo día al mes para reuniones y trámites presenciales de directores, por red educativa.
- Trámites de rutina recibidos por correo electrónico o a través del coordinador de red.
- Publicación semanal de las actividades de la UGEL que requieren a los directores, con una semana de anticipación.

Con menos citaciones, la presencia del director en el día de la visita de monitoreo mejoró de forma visible entre agosto y septiembre.`,
  },
  {
    slug: "paneles-solares-angaraes",
    district: "090003",
    period: "2025-11",
    indicator: "servicios-basicos",
    title: "Energía solar para escuelas sin red eléctrica",
    body: `En Angaraes, varias escuelas de altura no tienen conexión a la red eléctrica. La UGEL levantó con el monitoreo la lista de locales sin luz y gestionó con el gobierno regional y una empresa eléctrica la instalación de sistemas fotovoltaicos.

- Inventario de escuelas sin electricidad con coordenadas y número de aulas.
- Priorización de las escuelas con más estudiantes y con aulas de innovación.
- Capacitación a un docente por escuela para el cuidado de las baterías.
- Registro del estado de los equipos en cada visita de monitoreo.

Al cierre del año, las escuelas intervenidas contaban con luz en sus aulas y podían usar las computadoras portátiles entregadas.`,
  },
  {
    slug: "ruta-de-distribucion-otuzco",
    district: "130007",
    period: "2026-04",
    indicator: "materiales",
    title: "Ruta de distribución de materiales con la municipalidad",
    body: `Las escuelas más alejadas de Otuzco recibían los materiales educativos recién a mitad de año. En 2026, la UGEL planificó la distribución por rutas y pidió apoyo logístico a la municipalidad provincial.

- Mapa de rutas por cuenca, con puntos de acopio en los centros poblados.
- Vehículos municipales los fines de semana de marzo para llevar los materiales a los puntos de acopio.
- Directores que recogen los materiales en el punto más cercano, con acta firmada.
- Seguimiento del uso de los cuadernos en la primera visita de monitoreo.

En abril, las escuelas visitadas ya tenían los materiales en las aulas desde el inicio del año escolar.`,
  },
  {
    slug: "transporte-fluvial-escolar-condorcanqui",
    district: "010004",
    period: "2026-07",
    indicator: "asistencia-estudiantes",
    title: "Transporte fluvial escolar en comunidades awajún",
    body: `En Condorcanqui, muchos estudiantes de secundaria viven en comunidades awajún a orillas del río y dejaban de asistir cuando no había quien los llevara en bote. La UGEL, junto con las comunidades y la municipalidad, organizó un transporte escolar fluvial.

- Dos botes con motor y chalecos salvavidas, a cargo de pobladores capacitados.
- Horario fijo de ida y vuelta acordado en asamblea comunal.
- Registro diario de estudiantes transportados, cruzado con la asistencia del colegio.
- Docentes bilingües que comunican a las familias los cambios de horario en su lengua.

La asistencia de los estudiantes de las comunidades atendidas subió de manera sostenida desde mayo.`,
  },
  {
    slug: "fichas-de-mantenimiento-en-linea-ica",
    district: "110001",
    period: "2025-08",
    indicator: "mantenimiento",
    title: "Fichas de mantenimiento en línea y visitas de verificación",
    body: `La UGEL Ica tenía informes de mantenimiento en papel que llegaban incompletos y tarde. Este año los directores reportaron el avance de las obras en un formulario en línea y la UGEL verificó una muestra.

- Formulario con fotos del antes y después de cada acción de mantenimiento.
- Tablero semanal con las escuelas que aún no iniciaban sus trabajos.
- Visitas de verificación a las escuelas con mayor asignación o con reportes dudosos.

Con la información al día, la UGEL pudo apoyar a tiempo a las escuelas que se retrasaban.`,
  },
  {
    slug: "control-de-horas-con-el-conei-tacna",
    district: "230001",
    period: "2026-10",
    indicator: "horas-clase",
    title: "Control de horas de clase con el consejo escolar",
    body: `En Tacna, el monitoreo mostraba horas de clase perdidas por actuaciones, desfiles y reuniones en horario lectivo. La UGEL propuso que cada consejo educativo institucional revisara el uso del tiempo una vez al mes.

- Calendario de actividades cívicas y culturales fuera del horario de clase.
- Registro de horas efectivas por aula, firmado por el docente y el director.
- Revisión mensual del registro por el CONEI y acuerdos de recuperación cuando faltan horas.
- Comunicación a las familias de las fechas de recuperación.

En octubre, casi todas las escuelas visitadas cumplieron las horas previstas del mes.`,
  },
  {
    slug: "acompanamiento-docentes-nuevos-chota",
    district: "060004",
    period: "2026-06",
    indicator: "asistencia-docentes",
    title: "Acompañamiento a docentes recién contratados",
    body: `Muchos docentes contratados en Chota llegan de otras provincias y faltan más en sus primeros meses por viajes y trámites. La UGEL organizó un acompañamiento para los recién llegados.

- Reunión de bienvenida con información de transporte, vivienda y trámites de pago.
- Un docente mentor de la misma red para resolver dudas durante el primer trimestre.
- Trámites de contrato y pago atendidos en la red educativa, sin viajar a la sede.
- Seguimiento de la asistencia de los nuevos docentes en el monitoreo mensual.

La asistencia de los docentes nuevos se acercó a la del resto en junio.`,
  },
  {
    slug: "encargaturas-a-tiempo-satipo",
    district: "120007",
    period: "2026-10",
    indicator: "asistencia-directores",
    title: "Encargaturas de dirección cubiertas a tiempo",
    body: `En Satipo, varias escuelas pasaban semanas sin director cuando el titular renunciaba o pedía licencia. La UGEL redujo ese tiempo con un procedimiento más simple para encargar la dirección.

- Lista de docentes con perfil para asumir la dirección en cada red educativa, actualizada cada trimestre.
- Resolución de encargatura emitida en menos de diez días hábiles.
- Inducción corta al director encargado sobre gestión escolar y registro de asistencia.

En octubre, las escuelas visitadas tenían director presente en casi todos los casos, incluidas las de las comunidades más alejadas.`,
  },
  {
    slug: "agua-para-colegios-ventanilla",
    district: "070102",
    period: "2026-09",
    indicator: "servicios-basicos",
    title: "Agua para los colegios de los asentamientos humanos",
    body: `En Ventanilla, colegios de asentamientos humanos recientes aún no tienen conexión de agua y dependen de camiones cisterna. La UGEL coordinó con la municipalidad distrital y la empresa de agua un abastecimiento programado.

- Padrón de colegios sin conexión, con la capacidad de sus tanques.
- Horario de abastecimiento en días de clase, antes del ingreso de los estudiantes.
- Limpieza y desinfección de tanques cada tres meses, a cargo de la municipalidad.
- Expedientes de conexión definitiva presentados con la empresa de agua.

Mientras llegan las conexiones, los servicios higiénicos de estos colegios se mantuvieron operativos.`,
  },
];

/** A story's file: front matter, the Spanish body, and the English one after `<!-- en -->`. */
export function storyFile(story: DemoStory): string {
  const front = [
    "---",
    `district: "${story.district}"`,
    `period: "${story.period}"`,
    `indicator: "${story.indicator}"`,
    `title: "${story.title}"`,
    ...(story.english ? [`title_en: "${story.english.title}"`] : []),
    "---",
  ].join("\n");
  const spanish = `${front}\n\n${story.body}\n\n_Historia sintética para demostración._\n`;
  return story.english
    ? `${spanish}\n<!-- en -->\n\n${story.english.body}\n\n_Synthetic story for the demo._\n`
    : spanish;
}

/** Each story has 80–200 words and names a known district, month and indicator. */
export function checkStories(stories: DemoStory[], districtCodes: Set<string>): void {
  for (const s of stories) {
    const words = s.body.split(/\s+/).filter(Boolean).length;
    if (words < 80 || words > 200) throw new InternalError(`story ${s.slug}: ${words} words`);
    if (
      !districtCodes.has(s.district) ||
      !PERIODS.includes(s.period) ||
      !(INDICATOR_IDS as readonly string[]).includes(s.indicator)
    )
      throw new InternalError(`story ${s.slug}: bad front matter`);
  }
}
