/*
** routes.c — THE route table.  Every URL gongkai answers is one line here.
** Keep groups together; within a group, order does not matter (the first
** matching pattern wins, so a literal segment must come before a capture
** at the same place).
*/
#include "http/routes.h"

#include <string.h>

#include "api/api.h"
#include "http/metrics.h"
#include "http/ops.h"
#include "api/api_applications.h"
#include "api/api_catalogue.h"
#include "api/api_datasets.h"
#include "api/api_documents.h"
#include "api/api_registers.h"
#include "api/api_search.h"
#include "web/applications.h"
#include "web/catalogue.h"
#include "web/documents.h"
#include "web/org_pages.h"
#include "api/api_reports.h"
#include "web/reports.h"
#include "web/pages.h"
#include "web/portal.h"
#include "web/registers.h"
#include "web/sitemap.h"

#define G HTTP_GET
#define P HTTP_POST

const Route aRoute[] = {
  /* Public pages and static files. */
  {G, "/", page_home, PERM_PUBLIC, 0, "首页"},
  {G, "/static/{name}", page_static, PERM_PUBLIC, ROUTE_HIDDEN, "静态文件"},
  {G, "/robots.txt", page_robots, PERM_PUBLIC, ROUTE_HIDDEN, "robots.txt"},
  {G, "/textsize", page_textsize, PERM_PUBLIC, ROUTE_HIDDEN, "大字号/标准字号"},
  {G, "/sitemap.xml", page_sitemap, PERM_PUBLIC, 0, "站点地图"},
  {G, "/healthz", page_healthz, PERM_PUBLIC, ROUTE_HIDDEN, "进程存活检查"},
  {G, "/readyz", page_readyz, PERM_PUBLIC, ROUTE_HIDDEN, "就绪检查（数据库与结构版本）"},
  {G, "/metrics", page_metrics, PERM_PUBLIC, ROUTE_HIDDEN, "运行指标（Prometheus，仅限配置的地址）"},

  /* An organisation's public pages. */
  {G, "/o/{org}", page_org_home, PERM_PUBLIC, 0, "单位首页"},
  {G, "/o/{org}/guide", page_org_guide, PERM_PUBLIC, 0, "政府信息公开指南"},

  /* Sign-in. */
  {G | P, "/login", page_login, PERM_PUBLIC, ROUTE_SMALL_BODY | ROUTE_HASHES, "登录"},
  {P, "/logout", page_logout, PERM_LOGIN, ROUTE_SMALL_BODY, "退出"},

  /* Staff. */
  {G, "/staff", page_staff_home, PERM_LOGIN, 0, "工作台"},
  {G | P, "/staff/password", page_password, PERM_LOGIN, ROUTE_HASHES, "修改密码"},

  /* Administration. */
  {G, "/admin/orgs", page_admin_orgs, PERM_ADMIN, 0, "单位管理"},
  {G | P, "/admin/orgs/new", page_admin_org_edit, PERM_ADMIN, 0, "新增单位"},
  {G | P, "/admin/orgs/{id}", page_admin_org_edit, PERM_ADMIN, 0, "编辑单位"},
  {P, "/admin/orgs/{id}/depts", page_admin_dept_add, PERM_ADMIN, 0, "新增科室"},
  {P, "/admin/orgs/{id}/move", page_admin_org_move, PERM_ADMIN, 0, "调整上级单位（机构改革）"},
  {P, "/admin/orgs/{id}/review-organ", page_admin_review_organ, PERM_ADMIN, 0, "设置行政复议机关"},
  {P, "/admin/orgs/{id}/notices", page_admin_notice_settings, PERM_ADMIN, 0, "设置告知书联系人和文号"},
  {G, "/admin/users", page_admin_users, PERM_ADMIN, 0, "用户管理"},
  {G | P, "/admin/users/new", page_admin_user_edit, PERM_ADMIN, ROUTE_HASHES, "新增用户"},
  {G | P, "/admin/users/{id}", page_admin_user_edit, PERM_ADMIN, ROUTE_HASHES, "编辑用户"},
  {G | P, "/admin/tokens", page_admin_tokens, PERM_ADMIN, 0, "接口令牌"},
  {P, "/admin/tokens/{id}/revoke", page_admin_token_revoke, PERM_ADMIN, 0, "吊销接口令牌"},

  /* Registers (issue 7): opinion, messages, proposals, activities, work
  ** plans, the supervisor's view, inspections and the dashboard.  Every
  ** staff member reads the registers (GET); writing them (POST) needs
  ** register_edit, stated on a line of its own. */
  {G | P, "/o/{org}/messages", page_public_messages, PERM_PUBLIC, 0, "网民留言与答复公开"},
  {G, "/o/{org}/proposals", page_public_proposals, PERM_PUBLIC, 0, "建议提案办理结果公开"},
  {G, "/staff/registers", page_reg_home, PERM_VIEW_STAFF, 0, "公开工作登记"},
  {G, "/staff/opinion", page_opinion_list, PERM_VIEW_STAFF, 0, "回应关切登记"},
  {P, "/staff/opinion", page_opinion_list, PERM_REGISTER_EDIT, 0, "登记舆情事件"},
  {G, "/staff/opinion/{id}", page_opinion_view, PERM_VIEW_STAFF, 0, "舆情事件"},
  {P, "/staff/opinion/{id}", page_opinion_view, PERM_REGISTER_EDIT, 0, "舆情事件回应与更正"},
  {P, "/staff/messages/settings", page_message_settings, PERM_ADMIN, ROUTE_SYSTEM, "留言答复时限设置"},
  {G, "/staff/messages", page_message_list, PERM_VIEW_STAFF, 0, "网民留言登记"},
  {G, "/staff/messages/{id}", page_message_view, PERM_VIEW_STAFF, 0, "留言办理"},
  {P, "/staff/messages/{id}", page_message_view, PERM_REGISTER_EDIT, 0, "留言转办与答复"},
  {G, "/staff/proposals", page_proposal_list, PERM_VIEW_STAFF, 0, "建议提案登记"},
  {P, "/staff/proposals", page_proposal_list, PERM_REGISTER_EDIT, 0, "登记建议提案"},
  {G, "/staff/proposals/{id}", page_proposal_view, PERM_VIEW_STAFF, 0, "建议提案办理"},
  {P, "/staff/proposals/{id}", page_proposal_view, PERM_REGISTER_EDIT, 0, "建议提案答复与更正"},
  {G, "/staff/activities", page_activity_list, PERM_VIEW_STAFF, 0, "公开活动登记"},
  {P, "/staff/activities", page_activity_list, PERM_REGISTER_EDIT, ROUTE_UPLOAD, "登记公开活动"},
  {G, "/staff/activities/{id}", page_activity_view, PERM_VIEW_STAFF, 0, "公开活动"},
  {P, "/staff/activities/{id}", page_activity_view, PERM_REGISTER_EDIT, 0, "更正公开活动"},
  {G, "/staff/activity-files/{id}", page_activity_file, PERM_VIEW_STAFF, 0, "活动附件"},
  {G, "/staff/workplans", page_workplan_list, PERM_VIEW_STAFF, 0, "工作要点"},
  {P, "/staff/workplans", page_workplan_list, PERM_REGISTER_EDIT, ROUTE_UPLOAD, "登记工作要点"},
  {G, "/staff/workplans/{id}", page_workplan_view, PERM_VIEW_STAFF, 0, "工作要点任务"},
  {P, "/staff/workplans/{id}", page_workplan_view, PERM_REGISTER_EDIT, 0, "更正或删除工作要点"},
  {G, "/staff/tasks/{id}", page_task_view, PERM_VIEW_STAFF, 0, "工作任务进展"},
  {P, "/staff/tasks/{id}", page_task_view, PERM_REGISTER_EDIT, 0, "登记任务进展与更正"},
  {G, "/staff/supervise", page_supervise, PERM_SUPERVISE, 0, "督查一览"},
  {G | P, "/staff/inspections", page_inspection_list, PERM_SUPERVISE, 0, "督查记录"},
  {G | P, "/staff/inspections/{id}", page_inspection_view, PERM_SUPERVISE, 0, "督查整改"},
  {G, "/staff/dashboard", page_dashboard, PERM_VIEW_STAFF, 0, "统计看板"},
  {G, "/staff/dashboard.xlsx", page_dashboard_xlsx, PERM_VIEW_STAFF, 0, "统计看板 Excel"},
  {G, "/staff/freshness", page_freshness, PERM_VIEW_STAFF, 0, "公开目录更新检查"},
  {P, "/staff/freshness", page_freshness, PERM_DOC_MANAGE, 0, "登记目录事项已更新或无新增"},
  {G, "/api/v1/messages", api_messages, PERM_PUBLIC, ROUTE_API, "Published netizen messages and answers (?org=id|slug)"},
  /* Disclosure catalogue (issue 3): public pages, staff pages, API. */
  {G, "/o/{org}/catalogue", page_catalogue_public, PERM_PUBLIC, 0, "政府信息公开目录"},
  {G, "/o/{org}/catalogue/export", page_catalogue_export, PERM_PUBLIC, 0, "下载公开目录（CSV/XLSX）"},
  {G, "/staff/catalogue", page_catalogue_orgs, PERM_DOC_MANAGE, 0, "公开目录管理"},
  {G, "/staff/catalogue/{org}", page_catalogue_list, PERM_DOC_MANAGE, 0, "单位公开目录"},
  {G | P, "/staff/catalogue/{org}/new", page_catalogue_edit, PERM_DOC_MANAGE, 0, "新增目录事项"},
  {G | P, "/staff/catalogue/{org}/import", page_catalogue_import, PERM_DOC_MANAGE, ROUTE_UPLOAD, "导入公开目录"},
  {G | P, "/staff/catalogue/{org}/items/{id}", page_catalogue_edit, PERM_DOC_MANAGE, 0, "编辑目录事项"},
  {P, "/staff/catalogue/{org}/items/{id}/move", page_catalogue_move, PERM_DOC_MANAGE, 0, "调整目录顺序"},
  {P, "/staff/catalogue/{org}/items/{id}/delete", page_catalogue_delete, PERM_DOC_MANAGE, 0, "删除目录事项"},
  {G, "/api/v1/catalogue", api_catalogue, PERM_PUBLIC, ROUTE_API, "Catalogue items of an organisation (?org=id|slug&list=proactive|on_request|negative)"},

  /* Proactive disclosure documents (issue 3, document half): staff pages,
  ** the plain public page and attachments, JSON and the ledger export.
  ** Literal segments come before captures at the same place. */
  {G, "/staff/docs", page_docs_list, PERM_VIEW_STAFF, 0, "主动公开文件"},
  {G | P, "/staff/docs/new", page_doc_edit, PERM_DOC_DRAFT, 0, "新建文件"},
  {G, "/staff/docs/lookup", page_doc_lookup, PERM_VIEW_STAFF, 0, "按标题或文号查找文件（JSON）"},
  {G, "/staff/docs/{id}", page_doc_view, PERM_VIEW_STAFF, 0, "文件"},
  {G | P, "/staff/docs/{id}/edit", page_doc_edit, PERM_DOC_DRAFT, 0, "修改文件"},
  {P, "/staff/docs/{id}/submit", page_doc_submit, PERM_DOC_DRAFT, 0, "提交科室审核"},
  {P, "/staff/docs/{id}/dept-review", page_doc_dept_review, PERM_DOC_DEPT_REVIEW, 0, "科室审核：通过或退回"},
  {P, "/staff/docs/{id}/secrecy-review", page_doc_secrecy_review, PERM_DOC_SECRECY, 0, "保密审查：通过或退回"},
  {P, "/staff/docs/{id}/approval", page_doc_approval, PERM_DOC_APPROVE, 0, "领导审批：通过或退回"},
  {P, "/staff/docs/{id}/withdraw", page_doc_withdraw, PERM_DOC_MANAGE, 0, "撤回已发布文件"},
  {P, "/staff/docs/{id}/scan", page_doc_scan, PERM_DOC_SECRECY, 0, "隐私扫描"},
  {P, "/staff/docs/{id}/findings/{fid}", page_doc_finding, PERM_DOC_SECRECY, 0, "处理扫描结果"},
  {G, "/staff/docs/{id}/sheet", page_doc_sheet, PERM_VIEW_STAFF, 0, "发布审核单"},
  {P, "/staff/docs/{id}/attachments", page_doc_attach, PERM_DOC_DRAFT, ROUTE_UPLOAD, "上传附件"},
  {G, "/staff/docs/{id}/attachments/{aid}", page_doc_attachment, PERM_VIEW_STAFF, 0, "下载附件"},
  {P, "/staff/docs/{id}/attachments/{aid}/delete", page_doc_attachment_delete, PERM_DOC_DRAFT, 0, "删除附件"},
  {P, "/staff/docs/{id}/channels", page_doc_channel, PERM_DOC_MANAGE, 0, "登记发布渠道"},
  {P, "/staff/docs/{id}/validity", page_doc_validity, PERM_DOC_MANAGE, 0, "变更有效性"},
  {P, "/staff/docs/{id}/correct", page_doc_correct, PERM_DOC_MANAGE, 0, "更正已发布文件"},
  {P, "/staff/docs/{id}/relations", page_doc_relation, PERM_DOC_DRAFT, 0, "添加或移除相关文件（草稿：承办人；已发布：公开办）"},
  {G, "/o/{org}/a/{aid}", page_doc_public_attachment, PERM_PUBLIC, 0, "公开附件"},
  {G, "/o/{org}/d/{*ref}", page_doc_public, PERM_PUBLIC, 0, "公开文件"},
  {G, "/api/v1/documents", api_documents, PERM_PUBLIC, ROUTE_API, "Published documents (filters, paging)"},
  {G, "/api/v1/documents/{*ref}", api_document, PERM_PUBLIC, ROUTE_API, "One published document (by id or index number) with attachments and versions"},
  {G, "/api/v1/ledger", api_ledger, PERM_PUBLIC, ROUTE_API, "Publication ledger export (hash chain)"},

  /* Applications for disclosure (依申请公开): web/applications.h. */
  {G | P, "/o/{org}/apply", page_app_apply, PERM_PUBLIC, ROUTE_PUBLIC_FILE, "政府信息公开申请"},
  {G | P, "/o/{org}/apply/done", page_app_apply_done, PERM_PUBLIC, ROUTE_SMALL_BODY, "申请已提交"},
  {G | P, "/track", page_app_track, PERM_PUBLIC, ROUTE_SMALL_BODY | ROUTE_LOOKUP, "申请办理进度查询"},
  {P, "/track/letter", page_app_track_letter, PERM_PUBLIC, ROUTE_HIDDEN | ROUTE_SMALL_BODY | ROUTE_LOOKUP, "下载答复告知书"},
  {P, "/track/notice", page_app_track_notice, PERM_PUBLIC, ROUTE_HIDDEN | ROUTE_SMALL_BODY | ROUTE_LOOKUP, "下载告知书"},
  {G, "/staff/applications", page_apps, PERM_VIEW_STAFF, 0, "依申请公开"},
  {G | P, "/staff/applications/new", page_app_new, PERM_APP_HANDLE, ROUTE_UPLOAD, "登记申请"},
  {G, "/staff/applications/registered", page_app_registered, PERM_APP_HANDLE, 0, "申请已登记"},
  {G, "/staff/applications/{id}", page_app_view, PERM_VIEW_STAFF, 0, "申请办理"},
  {G, "/staff/applications/{id}/letter", page_app_letter, PERM_VIEW_STAFF, 0, "答复告知书"},
  {G, "/staff/applications/{id}/letter.docx", page_app_letter_docx, PERM_VIEW_STAFF, 0, "答复告知书（Word）"},
  {G, "/staff/applications/{id}/notices/{nid}", page_app_notice, PERM_VIEW_STAFF, 0, "告知书"},
  {G, "/staff/applications/{id}/notices/{nid}/docx", page_app_notice_docx, PERM_VIEW_STAFF, 0, "告知书（Word）"},
  {G, "/staff/applications/{id}/files/{file}", page_app_file, PERM_APP_HANDLE, 0, "申请附件"},
  /* The actions (src/app/app_action.h aAppAction[]: same permissions). */
  {P, "/staff/applications/{id}/assign", page_app_do_assign, PERM_APP_HANDLE, 0, "分办"},
  {P, "/staff/applications/{id}/event", page_app_do_event, PERM_APP_HANDLE, 0, "记录办理事项"},
  {P, "/staff/applications/{id}/extend", page_app_do_extend, PERM_APP_EXTEND, 0, "批准延期"},
  {P, "/staff/applications/{id}/fee", page_app_do_fee, PERM_APP_HANDLE, 0, "信息处理费"},
  {P, "/staff/applications/{id}/draft", page_app_do_draft, PERM_APP_HANDLE, 0, "拟定答复"},
  {P, "/staff/applications/{id}/dept_review", page_app_do_dept_review, PERM_APP_REVIEW, 0, "科室审核"},
  {P, "/staff/applications/{id}/return", page_app_do_return, PERM_APP_REVIEW, 0, "退回修改"},
  {P, "/staff/applications/{id}/approve", page_app_do_approve, PERM_APP_APPROVE, 0, "批准答复"},
  {P, "/staff/applications/{id}/withdraw", page_app_do_withdraw, PERM_APP_HANDLE, 0, "申请人撤回申请"},
  {P, "/staff/applications/{id}/correction_request", page_app_do_correction_request, PERM_APP_HANDLE, 0, "更正请求（第四十一条）"},
  {P, "/staff/applications/{id}/assistance", page_app_do_assistance, PERM_APP_HANDLE, 0, "提供必要帮助（第四十三条）"},
  {P, "/staff/applications/{id}/review", page_app_do_review, PERM_APP_HANDLE, 0, "登记行政复议、行政诉讼"},
  {P, "/staff/applications/{id}/review_decide", page_app_do_review_decide, PERM_APP_HANDLE, 0, "登记复议、诉讼结果"},
  {P, "/staff/applications/{id}/recalc", page_app_do_recalc, PERM_APP_HANDLE, 0, "重新计算期限"},
  {G | P, "/staff/answer-templates", page_app_templates, PERM_APP_APPROVE, 0, "答复模板"},
  {G, "/api/v1/applications", api_applications, PERM_VIEW_STAFF, ROUTE_API, "Applications visible to the user (register)"},
  {G, "/api/v1/applications/{id}", api_application, PERM_VIEW_STAFF, ROUTE_API, "One application with its clock steps"},
  /* The write API (issue 13 §7): the same actions, the same permissions. */
  {P, "/api/v1/applications", api_app_register, PERM_APP_HANDLE, ROUTE_API, "Register an application handed over (JSON: org_id, channel, event_day and the applicant and information fields); 201 with reg_no and the tracking code"},
  {P, "/api/v1/applications/{id}/assign", api_app_do_assign, PERM_APP_HANDLE, ROUTE_API, "Assign a department and handler (dept_id, handler_id)"},
  {P, "/api/v1/applications/{id}/event", api_app_do_event, PERM_APP_HANDLE, ROUTE_API, "Record a clock event (kind, on_day, limit_day, text)"},
  {P, "/api/v1/applications/{id}/extend", api_app_do_extend, PERM_APP_EXTEND, ROUTE_API, "Approve the extension, head of the disclosure office only (on_day, n_days, text, notified=1)"},
  {P, "/api/v1/applications/{id}/fee", api_app_do_fee, PERM_APP_HANDLE, ROUTE_API, "Fee notice, payment, waiver or lapse (op, method, count, on_day, limit_day, note)"},
  {P, "/api/v1/applications/{id}/draft", api_app_do_draft, PERM_APP_HANDLE, ROUTE_API, "Draft the answer (outcome, decision_text, other_organ, other_organ_contact, obtain_at)"},
  {P, "/api/v1/applications/{id}/dept_review", api_app_do_dept_review, PERM_APP_REVIEW, ROUTE_API, "Review the draft, not by its drafter (note)"},
  {P, "/api/v1/applications/{id}/return", api_app_do_return, PERM_APP_REVIEW, ROUTE_API, "Return the draft (note)"},
  {P, "/api/v1/applications/{id}/approve", api_app_do_approve, PERM_APP_APPROVE, ROUTE_API, "Approve and answer, not by the drafter (answer_day)"},
  {P, "/api/v1/applications/{id}/withdraw", api_app_do_withdraw, PERM_APP_HANDLE, ROUTE_API, "The applicant withdraws (on_day, text)"},
  {P, "/api/v1/applications/{id}/correction_request", api_app_do_correction_request, PERM_APP_HANDLE, ROUTE_API, "Art. 41 correction request (on_day, result, text)"},
  {P, "/api/v1/applications/{id}/assistance", api_app_do_assistance, PERM_APP_HANDLE, ROUTE_API, "Art. 43 assistance (on_day, text)"},
  {P, "/api/v1/applications/{id}/review", api_app_do_review, PERM_APP_HANDLE, ROUTE_API, "Record reconsideration or litigation (kind, result, filed_on, decided_on, body, case_no, note)"},
  {P, "/api/v1/applications/{id}/review_decide", api_app_do_review_decide, PERM_APP_HANDLE, ROUTE_API, "Record its result (review_id, result, decided_on)"},
  {P, "/api/v1/applications/{id}/recalc", api_app_do_recalc, PERM_APP_HANDLE, ROUTE_API, "Recompute the due date"},

  /* Public portal (issue 4): search, document lists by organisation,
  ** catalogue item, Art. 20 item and year, Atom feeds, CSV, search API. */
  {G, "/search", page_search, PERM_PUBLIC, 0, "政府信息检索"},
  {G, "/data", page_open_data, PERM_PUBLIC, 0, "开放数据（数据集及下载）"},
  {G, "/o/{org}/docs", page_portal_docs, PERM_PUBLIC, 0, "全部公开文件"},
  {G, "/o/{org}/docs/page/{p}", page_portal_docs, PERM_PUBLIC, 0, "全部公开文件（分页）"},
  {G, "/o/{org}/items/{id}", page_portal_item, PERM_PUBLIC, 0, "目录事项下的文件"},
  {G, "/o/{org}/items/{id}/page/{p}", page_portal_item, PERM_PUBLIC, 0, "目录事项下的文件（分页）"},
  {G, "/o/{org}/items/{id}/feed.atom", page_portal_item_feed, PERM_PUBLIC, 0, "目录事项订阅（Atom）"},
  {G, "/o/{org}/art20", page_portal_art20_index, PERM_PUBLIC, 0, "法定主动公开内容"},
  {G, "/o/{org}/rules", page_portal_rules, PERM_PUBLIC, 0, "政府信息公开制度"},
  {G, "/o/{org}/interpretations", page_portal_interpretations, PERM_PUBLIC, 0, "政策解读"},
  {G, "/o/{org}/interact", page_portal_interact, PERM_PUBLIC, 0, "互动交流"},
  {G, "/o/{org}/art20/{n}", page_portal_art20, PERM_PUBLIC, 0, "按条例第二十条事项浏览"},
  {G, "/o/{org}/art20/{n}/page/{p}", page_portal_art20, PERM_PUBLIC, 0, "按条例第二十条事项浏览（分页）"},
  {G, "/o/{org}/year/{y}", page_portal_year, PERM_PUBLIC, 0, "按年份浏览"},
  {G, "/o/{org}/year/{y}/page/{p}", page_portal_year, PERM_PUBLIC, 0, "按年份浏览（分页）"},
  {G, "/o/{org}/feed.atom", page_portal_feed, PERM_PUBLIC, 0, "单位订阅（Atom）"},
  {G, "/o/{org}/documents.csv", page_portal_csv, PERM_PUBLIC, 0, "公开文件目录（CSV）"},
  {G, "/api/v1/search", api_search, PERM_PUBLIC, ROUTE_API, "Full-text search over published documents (q, org, sub, year, item, art20, kind, validity, sort, page, per_page)"},

  /* Annual reports (年度报告, issue 6): web/reports.h.  Staff pages check
  ** the organisation scope in the handler. */
  {G, "/staff/reports", page_reports, PERM_VIEW_STAFF, 0, "年度报告"},
  {G, "/staff/reports/{org}/{year}", page_report, PERM_REPORT_VIEW, 0, "年度报告"},
  {G, "/staff/reports/{org}/{year}/cell", page_report_cell, PERM_REPORT_VIEW, 0, "报告数据来源"},
  {G, "/staff/reports/{org}/{year}/export/{fmt}", page_report_export, PERM_REPORT_VIEW, 0, "导出年度报告"},
  {P, "/staff/reports/{org}/{year}/approve", page_report_approve, PERM_DOC_APPROVE, 0, "领导审批年度报告"},
  {G, "/staff/reports/{org}/{year}/override", page_report_adjust_form, PERM_REPORT_EDIT, 0, "人工调整单元格"},
  {P, "/staff/reports/{org}/{year}/override", page_report_adjust, PERM_REPORT_EDIT, 0, "人工调整单元格、恢复计算值"},
  {P, "/staff/reports/{org}/{year}/{action}", page_report_action, PERM_REPORT_EDIT, ROUTE_UPLOAD, "接受、正文、状态、登记"},
  {G | P, "/staff/report-check", page_report_check, PERM_VIEW_STAFF, ROUTE_UPLOAD, "年度报告核对"},
  {G, "/o/{org}/reports", page_report_public_list, PERM_PUBLIC, 0, "年度报告"},
  {G, "/o/{org}/reports/{year}", page_report_public, PERM_PUBLIC, 0, "年度报告"},
  {P, "/api/v1/reports/check", api_report_check, PERM_VIEW_STAFF, ROUTE_API | ROUTE_UPLOAD, "Check an annual report file (PDF, HTML, DOCX, XLSX, JSON or text; body or multipart file/report): findings as JSON"},
  {G, "/api/v1/reports/{org}/{year}", api_report, PERM_PUBLIC, ROUTE_API, "One annual report (published, or as it stands for its staff)"},
  {P, "/api/v1/reports/{org}/{year}/override", api_report_override, PERM_REPORT_EDIT, ROUTE_API, "Adjust one cell of a draft annual report by hand (人工调整) with a reason, or restore its computed value"},

  /* JSON API. */
  {G, "/api/v1/health", api_health, PERM_PUBLIC, ROUTE_API, "Service health and schema version"},
  {G, "/api/v1/openapi.json", api_openapi, PERM_PUBLIC, ROUTE_API, "This OpenAPI document"},
  {G, "/api/v1/orgs", api_orgs, PERM_PUBLIC, ROUTE_API, "Organisation tree"},
  {G, "/api/v1/datasets", api_datasets, PERM_PUBLIC, ROUTE_API, "Bulk open data: every dataset with its files, sizes and SHA-256 (DCAT-style)"},
  {G, "/api/v1/datasets/{file}", api_dataset_file, PERM_PUBLIC, ROUTE_API, "One dataset file (JSON Lines or CSV with BOM)"},
};
const int nRoute = sizeof aRoute / sizeof aRoute[0];

/* Matches one pattern against a path, capturing {x} segments. */
static int pattern_match(Req *r, const char *zPat, const char *zPath) {
  int nArg = 0;
  const char *p = zPat, *s = zPath;
  while (*p && *s) {
    if (*p == '{') {
      const char *pe = strchr(p, '}');
      if (!pe) return 0;
      int bRest = p[1] == '*';
      size_t n = bRest ? strlen(s) : strcspn(s, "/");
      if (n == 0 || nArg >= (int)(sizeof r->aArg / sizeof r->aArg[0])) return 0;
      r->aArg[nArg++] = arena_strndup(&r->arena, s, n);
      s += n;
      p = pe + 1;
      continue;
    }
    if (*p != *s) return 0;
    p++;
    s++;
  }
  if (*p || *s) return 0;
  r->nArg = nArg;
  return 1;
}

const Route *route_match(Req *r, const char *zPath, int *pbMethodMismatch) {
  int m = r->method == HTTP_HEAD ? HTTP_GET : r->method;
  *pbMethodMismatch = 0;
  for (int i = 0; i < nRoute; i++) {
    if (!pattern_match(r, aRoute[i].zPattern, zPath)) continue;
    if (aRoute[i].methods & m) return &aRoute[i];
    *pbMethodMismatch = 1;
  }
  r->nArg = 0;
  return NULL;
}
