// The only rules left in understanding: exact commands, which a worker types or taps to drive
// the service and which must never depend on a model's probabilities. Everything else is the
// trained model's job (classifier/). Recognition patterns only: replies live in locales/.
import { TICKET_NUMBER_IN_TEXT } from '../../tickets/numbering.js';

export const TICKET_NUMBER = new RegExp(TICKET_NUMBER_IN_TEXT.source, 'i');

/** Words that end whatever flow the user is in. */
export const CANCEL =
  /^(?:取消|算了|不用了|不要了|退出|结束|停止|不弄了|cancel|stop|quit|never\s*mind|forget\s+it)[\s!！。.]*$/i;

/** The calculator, asked for by name or by its button ("算一算我能拿多少", "What am I owed?"). */
export const CALCULATE =
  /^(?:算一算我能拿多少|算一算|算算|帮我算算|帮我算一算|我能拿多少钱?|能拿多少钱?|计算器|what am i owed|calculate what i am owed|calculator)[\s!！。.?？]*$/i;

/** The menu, asked for by name. */
export const MENU =
  /^(?:菜单|帮助|功能|主菜单|返回|开始|重新开始|使用说明|menu|help|start|restart|options)[\s!！。.?？]*$/i;
