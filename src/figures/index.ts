export type {
  Confidence,
  Dataset,
  DatePrecision,
  EventSourceUnit,
  Figure,
  FigureUnit,
  GeographyBasis,
  Source,
  TimelineEvent,
} from "./schema";
export { CONFIDENCES, FIGURE_UNITS, GEOGRAPHY_BASES, PERCENT_UNITS, isIsoDate } from "./schema";
export { CATEGORIES, DATASET_AS_OF, DATASET_VERSION, ENTITIES, EVENTS, FIGURES } from "./dataset";
export type { FigureField } from "./lookup";
export {
  FIGURE_FIELDS,
  citation,
  figureField,
  findEvent,
  findFigure,
  valueAsFraction,
  valueInUsdBillion,
} from "./lookup";
export type { FigureFilter } from "./search";
export { searchFigures } from "./search";
export { eventPeriod, listEvents } from "./events";
export type { ChinaRevenueYear } from "./history";
export { nvidiaChinaRevenueHistory } from "./history";
export type { UserFigure, UserPrimary } from "./userFigures";
export {
  MAX_USER_FIGURES,
  USER_FIGURE_CATEGORY,
  USER_FIGURE_ENTITY,
  USER_FIGURE_LIMITS,
  UserFigureListSchema,
  UserFigureSchema,
  findUserFigure,
  isUserFigureId,
  setUserFigures,
  userFigureAsFigure,
  userFigureList,
  validateUserFigure,
} from "./userFigures";
export { EVIDENCE_CLASSES, PRIMARY_EVIDENCE } from "./schema";
export type { EvidenceClass } from "./schema";
export { EVIDENCE_LABELS } from "./evidence";
